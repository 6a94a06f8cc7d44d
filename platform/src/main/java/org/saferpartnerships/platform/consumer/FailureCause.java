package org.saferpartnerships.platform.consumer;

import java.sql.SQLException;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** Why applying an event failed, as far as a consumer can tell. */
enum FailureCause {

    /** The event cannot be read as its type's payload: it never will be. */
    MALFORMED,
    /** The database does not answer: an outage, waited out however long it lasts. */
    DATABASE_DOWN,
    /**
     * The database refused for a reason that passes: a deadlock, a serialization failure, a lock
     * or statement timeout, a lost connection, a server shutting down or out of connections. Two
     * instances applying corrections that cross partnerships deadlock now and then; blaming the
     * event would make the projection wrong for good.
     */
    TRANSIENT,
    /** Anything else: the event, or the code, is at fault. */
    OTHER;

    /** PostgreSQL's SQLSTATEs for refusals that pass (its manual, Appendix A). */
    private static final Set<String> TRANSIENT_STATES = Set.of(
            "40001", // serialization_failure
            "40P01", // deadlock_detected
            "55P03", // lock_not_available (lock_timeout)
            "57014", // query_canceled (statement_timeout)
            "57P01", // admin_shutdown
            "57P02", // crash_shutdown
            "57P03"); // cannot_connect_now
    /** Classes 08 (connection exception) and 53 (insufficient resources: too many connections, disk full). */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53");

    /** @param databaseAnswers asked only when the event itself is readable */
    static FailureCause of(Throwable failure, BooleanSupplier databaseAnswers) {
        if (causes(failure).anyMatch(MalformedEventException.class::isInstance)) {
            return MALFORMED;
        }
        if (!databaseAnswers.getAsBoolean()) {
            return DATABASE_DOWN;
        }
        return causes(failure).anyMatch(FailureCause::isTransient) ? TRANSIENT : OTHER;
    }

    private static boolean isTransient(Throwable cause) {
        for (SQLException e = cause instanceof SQLException sql ? sql : null; e != null; e = e.getNextException()) {
            String state = e.getSQLState();
            if (state != null && (TRANSIENT_STATES.contains(state)
                    || (state.length() >= 2 && TRANSIENT_CLASSES.contains(state.substring(0, 2))))) {
                return true;
            }
        }
        return false;
    }

    private static Stream<Throwable> causes(Throwable failure) {
        return Stream.iterate(failure, cause -> cause != null,
                cause -> cause.getCause() == cause ? null : cause.getCause());
    }
}
