package org.saferpartnerships.platform.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

import org.saferpartnerships.platform.api.IdempotencyKeys;

/**
 * Deletes what the platform's own tables no longer need to hold, in bounded batches, on any
 * instance: applied-event records past the redelivery window, idempotency keys past theirs, the
 * record-access audit past its legal period. {@code csp_retention_rows_removed_total} counts what
 * went, by table. (The outbox needs none: the relay deletes what it published.)
 */
@ApplicationScoped
public class Retention {

    /** A table, the column that dates its rows, and how long they stay. */
    record Rule(String table, String datedBy, Duration keep) {
    }

    private static final Duration SHORTEST_AUDIT = Duration.ofDays(365);

    private final AgroalDataSource dataSource;
    private final MeterRegistry meters;
    private final RetentionConfig config;
    private final List<Rule> rules;

    Retention(AgroalDataSource dataSource, MeterRegistry meters, RetentionConfig config) {
        if (config.accessAudit().compareTo(SHORTEST_AUDIT) < 0) {
            throw new IllegalStateException("csp.retention.access-audit is " + config.accessAudit().toDays()
                    + " days; the access audit is kept at least a year, so a slip cannot delete it");
        }
        this.dataSource = dataSource;
        this.meters = meters;
        this.config = config;
        this.rules = List.of(new Rule("consumed_event", "consumed_at", config.consumedEvents()),
                new Rule("idempotency_key", "claimed_at", IdempotencyKeys.KEPT),
                new Rule("record_access_audit", "at", config.accessAudit()));
    }

    @Scheduled(identity = "platform-retention", every = "${csp.retention.interval:1h}", delayed = "2m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void removeExpired() {
        for (Rule rule : rules) {
            try {
                removeExpired(rule);
            } catch (SQLException | RuntimeException e) {
                Log.warnf("Retention: could not remove expired rows of %s: %s", rule.table(), e.getMessage());
            }
        }
    }

    /** @return the rows removed */
    long removeExpired(Rule rule) throws SQLException {
        long removed = 0;
        int deleted;
        do {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement delete = connection.prepareStatement("delete from " + rule.table()
                            + " where ctid = any(array(select ctid from " + rule.table() + " where " + rule.datedBy()
                            + " < now() - make_interval(secs => ?) limit ?))")) {
                delete.setDouble(1, rule.keep().toSeconds());
                delete.setInt(2, config.batchSize());
                deleted = delete.executeUpdate();
            }
            removed += deleted;
        } while (deleted == config.batchSize());
        if (removed > 0) {
            Counter.builder("csp.retention.rows.removed").tag("table", rule.table())
                    .description("Rows deleted because their retention period was over, by table")
                    .register(meters).increment(removed);
        }
        return removed;
    }

    List<Rule> rules() {
        return rules;
    }
}
