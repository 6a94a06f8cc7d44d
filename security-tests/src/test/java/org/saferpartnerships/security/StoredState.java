package org.saferpartnerships.security;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import org.saferpartnerships.e2e.LocalStack;

/**
 * Everything the platform keeps, as a fingerprint: a digest of every table of every service's
 * database, and the end offset of every topic. Equal fingerprints before and after an attack mean
 * it changed nothing and emitted no event. The audit trail and the export counts are left out:
 * refusals are meant to be written there, and reads counted. Dead-letter topics are left out where hostile events are meant to land in them.
 */
final class StoredState {

    private final LocalStack stack;

    StoredState(LocalStack stack) {
        this.stack = stack;
    }

    Map<String, String> fingerprint(boolean withDeadLetters) {
        Map<String, String> fingerprint = new TreeMap<>();
        for (String service : LocalStack.SERVICES) {
            try (Connection connection = stack.database(service); Statement statement = connection.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("""
                        select table_name from information_schema.tables
                        where table_schema = 'public' and table_type = 'BASE TABLE'
                          and table_name not like '%audit%' and table_name <> 'export_allowance'
                          and table_name <> 'flyway_schema_history'
                        order by table_name""")) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
                for (String table : tables) {
                    try (ResultSet digest = statement.executeQuery("select count(*) || ':' || coalesce(md5(string_agg("
                            + "t::text, '|' order by t::text)), '') from \"" + table + "\" t")) {
                        digest.next();
                        fingerprint.put(service + "." + table, digest.getString(1));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read " + service + "'s database", e);
            }
        }
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        try (Admin admin = Admin.create(config)) {
            List<String> topics = admin.listTopics().names().get().stream()
                    .filter(t -> withDeadLetters || !t.endsWith(".dlq")).sorted().toList();
            Map<TopicPartition, OffsetSpec> ends = admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            admin.listOffsets(ends).all().get()
                    .forEach((partition, offset) -> fingerprint.put("topic " + partition, String.valueOf(offset.offset())));
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read Kafka's offsets", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return fingerprint;
    }

    /** What differs between two fingerprints, for the report. */
    static String difference(Map<String, String> before, Map<String, String> after) {
        List<String> changed = new ArrayList<>();
        after.forEach((key, value) -> {
            if (!value.equals(before.get(key))) {
                changed.add(key);
            }
        });
        before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(changed::add);
        return changed.isEmpty() ? "unchanged" : "changed: " + String.join(", ", changed);
    }
}
