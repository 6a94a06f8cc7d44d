package org.saferpartnerships.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import org.saferpartnerships.platform.events.CloudEventHeaders;

/**
 * Publishes pending outbox events to Kafka in id order, as CloudEvents in binary mode, and marks
 * them published in the same transaction that read them. A failed send rolls that transaction
 * back, so the events stay pending and go out on a later tick: writes keep succeeding while Kafka
 * is down and the relay catches up when it returns. A crash between send and commit re-sends a
 * batch; consumers drop the duplicates by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    /** Only one instance of a scaled-out service relays at a time, so per-key order holds. */
    private static final long RELAY_LOCK = 0x6F7574626F78L;

    private static final String SELECT_PENDING = """
            select id, event_id, topic, event_key, event_type, subject, occurred_at, payload::text,
                traceparent, tracestate
            from outbox_event where published_at is null order by id limit ?""";

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final String bootstrapServers;
    private Producer<String, byte[]> producer;
    private boolean failing;

    OutboxRelay(AgroalDataSource dataSource, OutboxConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.dataSource = dataSource;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    // Quarkus's scheduler ticks at most once a second; a shorter interval only draws a warning.
    @Scheduled(every = "${csp.outbox.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        try {
            int published;
            do {
                published = QuarkusTransaction.requiringNew().call(this::publishBatch);
            } while (published == config.batchSize());
            if (failing) {
                Log.info("Outbox relay: Kafka reachable again, pending events published");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                Log.warnf("Outbox relay: events stay pending until Kafka accepts them (%s)", rootMessage(e));
                failing = true;
            }
        }
    }

    /** Number of events pending publication, for health and metrics. */
    public long pendingCount() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "select count(*) from outbox_event where published_at is null");
                ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count pending outbox events", e);
        }
    }

    private int publishBatch() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            if (!holdsRelayLock(connection)) {
                return 0;
            }
            List<Long> ids = new ArrayList<>();
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(SELECT_PENDING)) {
                select.setInt(1, config.batchSize());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                        Future<RecordMetadata> send = producer().send(toRecord(rows));
                        if (send.isDone()) {
                            send.get(); // already failed (no broker metadata): stop before the rest wait too
                        }
                        sends.add(send);
                    }
                }
            }
            if (ids.isEmpty()) {
                return 0;
            }
            producer().flush();
            long deadline = System.nanoTime() + config.sendTimeout().toNanos();
            for (Future<RecordMetadata> send : sends) {
                send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            try (PreparedStatement mark = connection.prepareStatement(
                    "update outbox_event set published_at = now() where id = any(?)")) {
                mark.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
                mark.executeUpdate();
            }
            return ids.size();
        }
    }

    private static boolean holdsRelayLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet row = lock.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    private ProducerRecord<String, byte[]> toRecord(ResultSet row) throws SQLException {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.getString("topic"), row.getString("event_key"),
                row.getString("payload").getBytes(StandardCharsets.UTF_8));
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(record, CloudEventHeaders.ID, row.getObject("event_id", UUID.class).toString());
        header(record, CloudEventHeaders.TYPE, row.getString("event_type"));
        header(record, CloudEventHeaders.SOURCE, config.source());
        header(record, CloudEventHeaders.TIME,
                DateTimeFormatter.ISO_INSTANT.format(row.getTimestamp("occurred_at").toInstant()));
        String subject = row.getString("subject");
        if (subject != null) {
            header(record, CloudEventHeaders.SUBJECT, subject);
        }
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        for (String traceField : new String[] { Outbox.TRACEPARENT, Outbox.TRACESTATE }) {
            String value = row.getString(traceField);
            if (value != null) {
                header(record, traceField, value);
            }
        }
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private synchronized Producer<String, byte[]> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + config.source().replace('/', '-'));
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            // Fail fast while Kafka is away; the events stay pending and the next tick retries.
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.sendTimeout().toMillis());
            props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000);
            producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
