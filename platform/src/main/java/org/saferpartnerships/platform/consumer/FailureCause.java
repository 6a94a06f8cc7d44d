package org.saferpartnerships.platform.consumer;

import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.saferpartnerships.platform.persistence.PassingRefusal;

/** Why applying an event failed, as far as a consumer can tell. */
enum FailureCause {

    /** The event cannot be read as its type's payload: it never will be. */
    MALFORMED,
    /** The database does not answer: an outage, waited out however long it lasts. */
    DATABASE_DOWN,
    /**
     * The database refused for a reason that passes ({@link PassingRefusal}): a deadlock, a
     * serialization failure, a lock or statement timeout, a lost connection. Two
     * instances applying corrections that cross partnerships deadlock now and then; blaming the
     * event would make the projection wrong for good.
     */
    TRANSIENT,
    /** Anything else: the event, or the code, is at fault. */
    OTHER;

    /** @param databaseAnswers asked only when the event itself is readable */
    static FailureCause of(Throwable failure, BooleanSupplier databaseAnswers) {
        if (causes(failure).anyMatch(MalformedEventException.class::isInstance)) {
            return MALFORMED;
        }
        if (!databaseAnswers.getAsBoolean()) {
            return DATABASE_DOWN;
        }
        return PassingRefusal.in(failure) ? TRANSIENT : OTHER;
    }

    private static Stream<Throwable> causes(Throwable failure) {
        return Stream.iterate(failure, cause -> cause != null,
                cause -> cause.getCause() == cause ? null : cause.getCause());
    }
}
