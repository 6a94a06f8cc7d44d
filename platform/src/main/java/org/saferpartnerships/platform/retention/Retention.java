package org.saferpartnerships.platform.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
import org.saferpartnerships.platform.export.ExportQuota;

/**
 * Deletes what the platform's own tables no longer need to hold, in bounded batches, on any
 * instance: applied-event records past the redelivery window, idempotency keys past theirs,
 * export counts of past days, the audit trail past its legal period. {@code csp_retention_rows_removed_total} counts what
 * went, by table. (The outbox needs none: the relay deletes what it published.)
 */
@ApplicationScoped
public class Retention {

    /**
     * A table, how long its rows stay, and the statement that removes a batch of those past it
     * (parameters: the period in seconds, the batch size), answering a count or how many it removed.
     */
    record Rule(String table, Duration keep, String removal) {

        /** Rows dated by {@code datedBy}, deleted in batches of their physical position. */
        static Rule dated(String table, String datedBy, Duration keep) {
            return new Rule(table, keep, "delete from " + table + " where ctid = any(array(select ctid from " + table
                    + " where " + datedBy + " < now() - make_interval(secs => ?) limit ?))");
        }
    }

    private static final Duration SHORTEST_AUDIT = Duration.ofDays(365);

    private final AgroalDataSource dataSource;
    private final MeterRegistry meters;
    private final RetentionConfig config;
    private final List<Rule> rules;

    Retention(AgroalDataSource dataSource, MeterRegistry meters, RetentionConfig config) {
        if (config.accessAudit().compareTo(SHORTEST_AUDIT) < 0) {
            throw new IllegalStateException("csp.retention.access-audit is " + config.accessAudit().toDays()
                    + " days; the audit trail is kept at least a year, so a slip cannot delete it");
        }
        this.dataSource = dataSource;
        this.meters = meters;
        this.config = config;
        // The audit trail is append-only: its trigger lets only this function delete, and only entries
        // older than a year, so no statement of the service can shorten it by mistake.
        this.rules = List.of(Rule.dated("consumed_event", "consumed_at", config.consumedEvents()),
                Rule.dated("idempotency_key", "claimed_at", IdempotencyKeys.KEPT),
                Rule.dated("export_allowance", "day", ExportQuota.KEPT),
                new Rule("audit_entry", config.accessAudit(),
                        "select purge_audit_entries(make_interval(secs => ?), ?)"));
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
                    PreparedStatement removal = connection.prepareStatement(rule.removal())) {
                removal.setDouble(1, rule.keep().toSeconds());
                removal.setInt(2, config.batchSize());
                if (removal.execute()) {
                    try (ResultSet count = removal.getResultSet()) {
                        count.next();
                        deleted = count.getInt(1);
                    }
                } else {
                    deleted = removal.getUpdateCount();
                }
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
