package org.saferpartnerships.platform.persistence;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A refusal of the database that passes: a deadlock, a serialization failure, a lock or statement
 * timeout, a lost connection, a server shutting down or out of connections, no pooled connection
 * free in time. The same work asked again shortly succeeds, so a consumer retries it and never
 * dead-letters it, and an API caller is answered 503 and asked to send it again.
 */
public final class PassingRefusal {

    /** PostgreSQL's SQLSTATEs for refusals that pass (its manual, Appendix A). */
    private static final Set<String> STATES = Set.of(
            "40001", // serialization_failure
            "40P01", // deadlock_detected
            "55P03", // lock_not_available (lock_timeout)
            "57014", // query_canceled (statement_timeout)
            "57P01", // admin_shutdown
            "57P02", // crash_shutdown
            "57P03"); // cannot_connect_now
    /** Classes 08 (connection exception) and 53 (insufficient resources: too many connections, disk full). */
    private static final Set<String> CLASSES = Set.of("08", "53");

    private PassingRefusal() {
    }

    /** Whether {@code failure} or any of its causes is such a refusal. */
    public static boolean in(Throwable failure) {
        return Stream.iterate(failure, cause -> cause != null, cause -> cause.getCause() == cause ? null : cause.getCause())
                .anyMatch(PassingRefusal::is);
    }

    private static boolean is(Throwable cause) {
        for (SQLException e = cause instanceof SQLException sql ? sql : null; e != null; e = e.getNextException()) {
            String state = e.getSQLState();
            if (state != null && (STATES.contains(state) || (state.length() >= 2 && CLASSES.contains(state.substring(0, 2))))) {
                return true;
            }
            // Agroal says so only in words: no pooled connection came free within the acquisition timeout.
            if (state == null && e.getMessage() != null
                    && e.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
                return true;
            }
        }
        return false;
    }
}
