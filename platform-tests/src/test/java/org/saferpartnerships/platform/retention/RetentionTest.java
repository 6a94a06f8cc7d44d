package org.saferpartnerships.platform.retention;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/** Rows past their period go, the rest stay, and the metric counts what went. */
@QuarkusTest
class RetentionTest {

    @Inject
    Retention retention;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry meters;

    @Test
    void appliedEventsKeysAndAuditEntriesPastTheirPeriodGoAndTheRestStay() throws SQLException {
        String tag = "retention-" + UUID.randomUUID();
        execute("""
                insert into consumed_event (consumer, event_id, event_type, consumed_at) values
                    (?, 'older than 30 days', 't', now() - interval '31 days'),
                    (?, 'within 30 days', 't', now() - interval '29 days')""", tag);
        execute("""
                insert into idempotency_key (caller, key, claim_token, request, fingerprint, claimed_at) values
                    (?, 'older than a day', gen_random_uuid(), 'POST /notes', 'f', now() - interval '25 hours'),
                    (?, 'within a day', gen_random_uuid(), 'POST /notes', 'f', now() - interval '23 hours')""", tag);
        execute("""
                insert into audit_entry (at, username, action, method, path, outcome) values
                    (now() - interval '6 years 10 days', ?, 'older than six years', 'GET', '/', 'allowed'),
                    (now() - interval '5 years', ?, 'within six years', 'GET', '/', 'allowed')""", tag);
        double removedBefore = removed("consumed_event");
        double auditRemovedBefore = removed("audit_entry");

        retention.removeExpired();

        assertThat(strings("select event_id from consumed_event where consumer = ?", tag), contains("within 30 days"));
        assertThat(strings("select key from idempotency_key where caller = ?", tag), contains("within a day"));
        assertThat(strings("select action from audit_entry where username = ?", tag), contains("within six years"));
        assertThat(removed("consumed_event"), greaterThanOrEqualTo(removedBefore + 1));
        assertThat(removed("audit_entry"), greaterThanOrEqualTo(auditRemovedBefore + 1));
    }

    private double removed(String table) {
        return meters.find("csp.retention.rows.removed").tag("table", table).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    private void execute(String sql, String tag) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tag);
            statement.setString(2, tag);
            statement.executeUpdate();
        }
    }

    private List<String> strings(String sql, String tag) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tag);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        }
        return found;
    }
}
