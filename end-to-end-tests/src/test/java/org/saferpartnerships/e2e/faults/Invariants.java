package org.saferpartnerships.e2e.faults;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.core.ConditionTimeoutException;

import org.saferpartnerships.e2e.LocalStack;

/**
 * What must hold after any fault, checked from outside the services: in incident-service's
 * database, in reporting-service's, on Kafka, and through the reconciliation check.
 * <ul>
 * <li>I1 every acknowledged write is stored exactly once and counted;
 * <li>I2 no duplicates: the projection's totals equal the distinct incidents at the source;
 * <li>I3 no phantoms: nothing is stored that was never sent;
 * <li>I4 the latest acknowledged correction wins;
 * <li>I5 a retried request names the record the first answer named;
 * <li>I6 the reconciliation check reports no difference;
 * <li>I7 the consumers' lag is back to zero, and the counts exact, within 60 s of recovery.
 * </ul>
 */
final class Invariants {

    static final Duration RECOVERY_LIMIT = Duration.ofSeconds(60);
    /** reporting-service's consumer groups and the topic each consumes. */
    private static final Map<String, String> REPORTING_GROUPS = Map.of(
            "reporting-service.incident-counts", "incident.events",
            "reporting-service.partnership-directory", "partnership.events");

    private Invariants() {
    }

    /** A stored incident, as incident-service's database holds it. */
    private record Row(String id, String partnershipId, String category) {
    }

    /**
     * Checks every invariant for the records of {@code run}, adds the fault's line to the report,
     * and fails on the first invariant broken.
     */
    static void hold(LocalStack stack, String fault, String run, Ledger ledger, Instant recoveredFrom, String notes)
            throws SQLException {
        Map<String, List<Row>> stored = storedRecords(stack, run);
        Map<String, Ledger.Stored> acknowledged = ledger.acknowledged();
        Set<String> sent = ledger.sent();
        Set<String> uncertain = ledger.uncertain();

        List<String> lost = acknowledged.keySet().stream().filter(ref -> !stored.containsKey(ref)).sorted().toList();
        List<String> duplicated = stored.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(Map.Entry::getKey).sorted().toList();
        List<String> phantoms = stored.keySet().stream().filter(ref -> !sent.contains(ref)).sorted().toList();
        List<String> notLatest = new ArrayList<>();
        List<String> otherRecord = new ArrayList<>(ledger.answeredDifferently());
        acknowledged.forEach((ref, expected) -> {
            List<Row> rows = stored.get(ref);
            if (rows == null || rows.size() != 1 || uncertain.contains(ref)) {
                return;
            }
            Row row = rows.get(0);
            if (!row.category().equals(expected.category()) || !row.partnershipId().equals(expected.partnershipId())) {
                notLatest.add(ref + ": stored " + row + ", last acknowledged " + expected);
            }
            if (expected.id() != null && !expected.id().equals(row.id())) {
                otherRecord.add(ref + ": answered " + expected.id() + ", stored " + row.id());
            }
        });
        long found = acknowledged.size() - lost.size();

        // I2, I6, I7: the projection catches up with the source, and says so itself.
        Instant exactAt;
        try {
            exactAt = await().atMost(RECOVERY_LIMIT.multipliedBy(3)).pollInterval(Duration.ofMillis(500))
                    .until(() -> lag(stack) == 0 && sourceTotals(stack).equals(projectedTotals(stack)) ? Instant.now()
                            : null, at -> at != null);
        } catch (ConditionTimeoutException e) {
            Map<String, Long> source = sourceTotals(stack);
            Map<String, Long> projected = projectedTotals(stack);
            List<String> differing = new ArrayList<>();
            source.forEach((month, count) -> {
                if (!count.equals(projected.get(month))) {
                    differing.add(month + ": source " + count + ", projection " + projected.get(month));
                }
            });
            projected.keySet().stream().filter(month -> !source.containsKey(month))
                    .forEach(month -> differing.add(month + ": source none, projection " + projected.get(month)));
            throw new AssertionError("I2/I7 the projection did not become exact within "
                    + RECOVERY_LIMIT.multipliedBy(3).toSeconds() + " s; lag " + lag(stack) + "; months differing: "
                    + differing, e);
        }
        double recovery = Duration.between(recoveredFrom, exactAt).toMillis() / 1000.0;
        FaultReport.add(new FaultReport.Line(fault, sent.size(), acknowledged.size(), found, lost.size(),
                duplicated.size(), phantoms.size(), recovery, notes));

        assertThat("I1 acknowledged but not stored", lost, empty());
        assertThat("I2 stored more than once", duplicated, empty());
        assertThat("I3 stored but never sent", phantoms, empty());
        assertThat("I4 the latest acknowledged correction did not win", notLatest, empty());
        assertThat("I5 a retry was answered with another record", otherRecord, empty());
        assertThat("writes refused that should have been stored", ledger.refusedWrites(), empty());
        assertThat("I6 the reconciliation check's differences",
                withToken(stack.token("platform-admin")).get(stack.url("reporting") + "/api/v1/admin/reconciliation")
                        .then().statusCode(200).extract().jsonPath().getList("differences"), empty());
        assertThat("I7 seconds from recovery until the counts were exact, at most " + RECOVERY_LIMIT.toSeconds(),
                recovery <= RECOVERY_LIMIT.toSeconds(), equalTo(true));
    }

    private static Map<String, List<Row>> storedRecords(LocalStack stack, String run) throws SQLException {
        Map<String, List<Row>> stored = new HashMap<>();
        try (Connection incidents = stack.database("incident");
                PreparedStatement query = incidents.prepareStatement("""
                        select external_ref, id::text, partnership_id, category from incident
                        where agency_id = 'essex-police' and external_ref like ? and withdrawn_at is null""")) {
            query.setString(1, run + "-%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.computeIfAbsent(rows.getString(1), ref -> new ArrayList<>())
                            .add(new Row(rows.getString(2), rows.getString(3), rows.getString(4)));
                }
            }
        }
        return stored;
    }

    /** Distinct live incidents per partnership and month, counted at the source. */
    static Map<String, Long> sourceTotals(LocalStack stack) throws SQLException {
        return totals(stack, "incident", """
                select partnership_id || ' ' || occurred_month, count(distinct id) from incident
                where withdrawn_at is null group by 1""");
    }

    /** The reporting projection's counts per partnership and month. */
    static Map<String, Long> projectedTotals(LocalStack stack) throws SQLException {
        return totals(stack, "reporting", """
                select partnership_id || ' ' || to_char(month, 'YYYY-MM'), sum(incident_count) from incident_count
                group by 1 having sum(incident_count) <> 0""");
    }

    private static Map<String, Long> totals(LocalStack stack, String service, String sql) throws SQLException {
        Map<String, Long> totals = new TreeMap<>();
        try (Connection connection = stack.database(service);
                PreparedStatement query = connection.prepareStatement(sql);
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                totals.put(rows.getString(1), rows.getLong(2));
            }
        }
        return totals;
    }

    /** Records on the topics that reporting-service's consumer groups have not committed yet. */
    static long lag(LocalStack stack) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        try (Admin admin = Admin.create(properties)) {
            long lag = 0;
            for (Map.Entry<String, String> group : REPORTING_GROUPS.entrySet()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> partitions = admin.describeTopics(List.of(group.getValue()))
                        .allTopicNames().get().get(group.getValue()).partitions().stream()
                        .collect(Collectors.toMap(p -> new TopicPartition(group.getValue(), p.partition()),
                                p -> OffsetSpec.latest()));
                for (var end : admin.listOffsets(partitions).all().get().entrySet()) {
                    OffsetAndMetadata done = committed.get(end.getKey());
                    lag += end.getValue().offset() - (done == null ? 0 : done.offset());
                }
            }
            return lag;
        } catch (ExecutionException e) {
            return Long.MAX_VALUE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Long.MAX_VALUE;
        }
    }
}
