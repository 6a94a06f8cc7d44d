package org.saferpartnerships.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

import org.saferpartnerships.platform.events.CloudEventHeaders;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Publishes pending outbox events to Kafka in id order, as CloudEvents in binary mode, and deletes
 * them, once Kafka has acknowledged them, in the same transaction that read them: every row in
 * the outbox is pending. A send that fails keeps that event and the ones after it for a later
 * pass (those before it, acknowledged, are deleted): writes keep succeeding while Kafka is down and
 * the relay catches up when it returns. A crash between send and commit re-sends a batch; consumers drop the duplicates by
 * event id.
 * <p>
 * A pass runs when a writing transaction commits: {@link Outbox} notifies {@link #CHANNEL} in that
 * transaction and a dedicated connection here LISTENs for it. Every instance listens, so the one
 * holding the relay lock hears a commit too and its next pass takes the event. The
 * {@code csp.outbox.poll-interval} poll is the fallback for commits no listener heard, e.g. while
 * it reconnects after a database restart. Passes run one at a time on one worker thread.
 * <p>
 * An event Kafka refuses for ever (no ACL for its topic, a topic that does not exist where topics
 * are not created on demand) stops the relay loudly rather than being passed over: the events of a
 * service are related across topics (a membership before the incidents it allows), so none may
 * overtake another. Once stalled, the relay sends only its oldest event until that goes; only the
 * batch in which the failure first came may have put later events on Kafka ahead of it, and those
 * are sent again in order, for consumers to drop as duplicates. The stall is logged as an error, is the {@code csp_outbox_stalled_seconds} and
 * {@code csp_outbox_refused} gauges, and the outbox health check's detail ({@link RelayStall}).
 */
@IfBuildProperty(name = OutboxRelay.ENABLED, stringValue = "true", enableIfMissing = true)
@ApplicationScoped
public class OutboxRelay {

    /**
     * Build-time switch for a service that never appends to its outbox (reporting-service): then
     * no relay listens, polls or vacuums, and no pending gauge counts an empty table.
     */
    public static final String ENABLED = "csp.outbox.relay.enabled";

    /** The PostgreSQL notification channel {@link Outbox} signals on; notifications are per database. */
    static final String CHANNEL = "csp_outbox";

    /** Only one instance of a scaled-out service relays at a time, so per-key order holds. */
    private static final long RELAY_LOCK = 0x6F7574626F78L;

    /** How long the listener waits for a notification before it checks that its connection still answers. */
    private static final int LIVENESS_CHECK_MILLIS = 30_000;
    private static final Duration FIRST_RECONNECT_DELAY = Duration.ofSeconds(1);
    private static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(30);
    /** How long a topic may give no metadata, while the cluster answers, before it counts as refused. */
    private static final Duration MISSING_TOPIC_AFTER = Duration.ofMinutes(1);

    private static final String SELECT_PENDING = """
            select id, event_id, topic, event_key, event_type, subject, occurred_at, payload,
                traceparent, tracestate
            from outbox_event order by id limit ?""";

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final String bootstrapServers;
    private final String jdbcUrl;
    private final Optional<String> dbUser;
    private final Optional<String> dbPassword;
    private final ExecutorService worker;
    private final AtomicBoolean passRequested = new AtomicBoolean();
    private final Thread listener;
    private volatile boolean running = true;
    /** The listener's connection while it listens, so {@link #close()} can end the blocked wait. */
    private volatile Connection listening;
    private Producer<String, byte[]> producer;
    private Admin admin;
    private volatile RelayStall stall;

    OutboxRelay(AgroalDataSource dataSource, OutboxConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> dbUser,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> dbPassword) {
        this.dataSource = dataSource;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.jdbcUrl = jdbcUrl;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
        // Daemon threads, so neither a pass nor the listener keeps a stopping JVM alive.
        this.worker = Executors.newSingleThreadExecutor(task -> daemon(task, "outbox-relay"));
        this.listener = daemon(this::listen, "outbox-listener");
    }

    void startListening(@Observes StartupEvent start) {
        listener.start();
    }

    // Quarkus's scheduler ticks at most once a second; a shorter interval only draws a warning.
    @Scheduled(identity = "outbox-relay", every = "${csp.outbox.poll-interval}", delayed = "1s")
    void poll() {
        requestPass();
    }

    /** Whether the relay deleted events since the outbox was last vacuumed. */
    private final AtomicBoolean deletedSinceVacuum = new AtomicBoolean();

    /**
     * Every published event leaves a dead row version behind, and a bulk import makes millions:
     * the table must be vacuumed as fast as it churns. Autovacuum may be late or, on a shared
     * server, off (it was on the development machine: 27 M dead rows, 23 GB, which pushed the
     * incident table's index out of memory). So the relay vacuums what it deleted.
     */
    @Scheduled(identity = "outbox-vacuum", every = "${csp.outbox.vacuum-interval:1m}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void vacuumPublished() {
        if (!deletedSinceVacuum.getAndSet(false)) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement vacuum = connection.createStatement()) {
            // VACUUM runs outside a transaction: this connection is in autocommit here.
            vacuum.execute("vacuum (analyze) outbox_event");
        } catch (SQLException e) {
            deletedSinceVacuum.set(true);
            Log.warnf("Could not vacuum outbox_event: %s", e.getMessage());
        }
    }

    /**
     * Has the worker run a pass soon. Requests while a pass runs bring exactly one more pass after
     * it (the flag is cleared as a pass starts, before it reads), so none is lost and bursts coalesce.
     */
    void requestPass() {
        if (passRequested.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    passRequested.set(false);
                    relayPending();
                });
            } catch (RejectedExecutionException stopping) {
                // Shutting down: the events stay pending for the next start.
            }
        }
    }

    /** Why the oldest pending event cannot be published, while it cannot. */
    public Optional<RelayStall> stall() {
        return Optional.ofNullable(stall);
    }

    /** What a pass published (and deleted), and the event it stopped at, if one failed. */
    private record Pass(int published, int selected, Unpublished stoppedAt) {
    }

    private void relayPending() {
        try {
            Pass pass;
            do {
                pass = QuarkusTransaction.requiringNew().call(this::publishBatch);
                if (pass.stoppedAt() != null) {
                    stalled(new IllegalStateException(pass.stoppedAt()));
                    return;
                }
            } while (pass.selected() == pass.published() && pass.selected() == config.batchSize() && running);
            if (stall != null) {
                Log.infof("Outbox relay: publishing again after %s stalled on event %s",
                        stall.lasting().toString().substring(2).toLowerCase(Locale.ROOT), stall.eventId());
                stall = null;
            }
        } catch (RuntimeException e) {
            stalled(e);
        }
    }

    private void stalled(RuntimeException failure) {
        Unpublished head = null;
        for (Throwable cause = failure; cause != null && head == null; cause = cause.getCause()) {
            if (cause instanceof Unpublished unpublished) {
                head = unpublished;
            }
        }
        String reason = rootMessage(failure);
        if (head == null) {
            // Not a send that failed (the database, say): nothing to tell about an event.
            Log.warnf("Outbox relay: events stay pending (%s)", reason);
            return;
        }
        RelayStall current = stall;
        boolean sameStall = current != null && current.eventId().equals(head.eventId);
        boolean refused = switch (refusal(head.getCause())) {
            case REFUSED -> true;
            // A broker just back answers before it has the topics' metadata: only a wait that lasts is a refusal.
            case NO_METADATA -> sameStall && current.lasting().compareTo(MISSING_TOPIC_AFTER) >= 0;
            case AWAY -> false;
        };
        stall = new RelayStall(sameStall ? current.since() : Instant.now(), head.eventId, head.topic, reason, refused);
        if (sameStall && current.refused() == refused) {
            return; // said already; Kafka words the same refusal differently from one attempt to the next
        }
        if (refused) {
            Log.errorf("Outbox relay: Kafka refuses event %s for topic %s (%s). Every later event waits behind it "
                    + "until the cause is fixed; writes are still accepted.", head.eventId, head.topic, reason);
        } else {
            Log.warnf("Outbox relay: events stay pending until Kafka accepts them (%s)", reason);
        }
    }

    /** How Kafka failed a send: refused it, gave no metadata for its topic while answering, or was away. */
    private enum Refusal { REFUSED, NO_METADATA, AWAY }

    /**
     * An error no retry cures is a refusal; a topic whose metadata does not come while the cluster
     * answers may be one (a missing topic where topics are not created on demand) once it lasts.
     */
    private Refusal refusal(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ApiException && !(t instanceof RetriableException)) {
                return Refusal.REFUSED;
            }
            if (t instanceof org.apache.kafka.common.errors.TimeoutException) {
                return kafkaAnswers() ? Refusal.NO_METADATA : Refusal.AWAY;
            }
        }
        return Refusal.AWAY;
    }

    private synchronized boolean kafkaAnswers() {
        if (admin == null) {
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
            props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
            admin = Admin.create(props);
        }
        try {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A send that failed, with the event it was for. */
    private static final class Unpublished extends Exception {
        final String eventId;
        final String topic;

        Unpublished(String eventId, String topic, Throwable cause) {
            super("event " + eventId + " for " + topic + " was not published", cause);
            this.eventId = eventId;
            this.topic = topic;
        }
    }

    /**
     * Keeps one connection listening on {@link #CHANNEL} and requests a pass per notification. When
     * the connection breaks it reconnects with growing delays (the poll relays meanwhile) and runs a
     * pass once listening again, for the commits it could not hear.
     */
    private void listen() {
        Duration delay = FIRST_RECONNECT_DELAY;
        boolean lost = false;
        while (running) {
            try (Connection connection = connect()) {
                if (!hasOutboxTable(connection)) {
                    Log.info("Outbox relay: this database has no outbox_event table, so nothing to listen for");
                    return;
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                listening = connection;
                if (!running) {
                    return; // close() ran before it could see this connection
                }
                if (lost) {
                    Log.info("Outbox relay: listening for commits again");
                    lost = false;
                }
                delay = FIRST_RECONNECT_DELAY;
                requestPass();
                awaitNotifications(connection);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!lost) {
                    Log.warnf("Outbox relay: not listening for commits, polling every %s until it can (%s)",
                            config.pollInterval().toString().substring(2).toLowerCase(Locale.ROOT), rootMessage(e));
                    lost = true;
                }
            } finally {
                listening = null;
            }
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            Duration doubled = delay.multipliedBy(2);
            delay = doubled.compareTo(MAX_RECONNECT_DELAY) < 0 ? doubled : MAX_RECONNECT_DELAY;
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        dbUser.ifPresent(user -> properties.setProperty("user", user));
        dbPassword.ifPresent(password -> properties.setProperty("password", password));
        properties.setProperty("ApplicationName", "outbox-listener");
        // Its own connection, not the pool's: it is held for the life of the service.
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    private static boolean hasOutboxTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select to_regclass('outbox_event') is not null")) {
            row.next();
            return row.getBoolean(1);
        }
    }

    private void awaitNotifications(Connection connection) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        while (running) {
            PGNotification[] notifications = postgres.getNotifications(LIVENESS_CHECK_MILLIS);
            if (notifications != null && notifications.length > 0) {
                requestPass();
            } else if (running && !connection.isValid(5)) {
                // A connection lost without a word (no reset from the server) would otherwise wait forever.
                throw new SQLException("the listening connection stopped answering");
            }
        }
    }

    /** Number of events pending publication, for health and metrics. */
    public long pendingCount() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "select count(*) from outbox_event");
                ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count pending outbox events", e);
        }
    }

    /**
     * One pass: sends a batch, then deletes the events Kafka acknowledged before the first that
     * failed, so that those are not sent again and again while the relay is stalled. While it is
     * stalled a batch is its oldest event alone, so that nothing after it can overtake it.
     */
    private Pass publishBatch() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            if (!holdsRelayLock(connection)) {
                return new Pass(0, 0, null);
            }
            List<Long> ids = new ArrayList<>();
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(SELECT_PENDING)) {
                select.setInt(1, stall == null ? config.batchSize() : 1);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                        ProducerRecord<String, byte[]> record = toRecord(rows);
                        Future<RecordMetadata> send = producer().send(record);
                        records.add(record);
                        sends.add(send);
                        if (send.isDone() && failed(send)) {
                            // Failed at once (no broker metadata): the rest would wait for nothing.
                            break;
                        }
                    }
                }
            }
            if (ids.isEmpty()) {
                return new Pass(0, 0, null);
            }
            producer().flush();
            long deadline = System.nanoTime() + config.sendTimeout().toNanos();
            int acknowledged = 0;
            Unpublished stoppedAt = null;
            for (; acknowledged < sends.size(); acknowledged++) {
                try {
                    outcome(sends.get(acknowledged), records.get(acknowledged),
                            Math.max(0, deadline - System.nanoTime()));
                } catch (Unpublished e) {
                    stoppedAt = e;
                    break;
                }
            }
            if (acknowledged > 0) {
                try (PreparedStatement delete = connection.prepareStatement("delete from outbox_event where id = any(?)")) {
                    delete.setArray(1, connection.createArrayOf("bigint", ids.subList(0, acknowledged).toArray()));
                    delete.executeUpdate();
                }
                deletedSinceVacuum.set(true);
            }
            return new Pass(acknowledged, ids.size(), stoppedAt);
        }
    }

    private static boolean failed(Future<RecordMetadata> send) {
        try {
            send.get();
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static void outcome(Future<RecordMetadata> send, ProducerRecord<String, byte[]> record, long nanos)
            throws Unpublished, InterruptedException {
        try {
            send.get(nanos, TimeUnit.NANOSECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            String eventId = new String(record.headers().lastHeader(CloudEventHeaders.ID).value(), StandardCharsets.UTF_8);
            throw new Unpublished(eventId, record.topic(), e instanceof ExecutionException ? e.getCause() : e);
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
            // Fail fast while Kafka is away; the events stay pending and a later pass retries.
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.sendTimeout().toMillis());
            props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000);
            producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @PreDestroy
    void close() {
        running = false;
        Connection connection = listening;
        if (connection != null) {
            try {
                // abort, unlike close, may end a connection another thread is blocked reading.
                connection.abort(Runnable::run);
            } catch (SQLException e) {
                Log.debugf("Outbox relay: listening connection already gone (%s)", e.getMessage());
            }
        }
        listener.interrupt();
        // A healthy pass ends within the grace; one still waiting for an absent Kafka is interrupted
        // and rolls back, its events staying pending for the next start.
        worker.shutdown();
        try {
            listener.join(5_000);
            if (!worker.awaitTermination(2, TimeUnit.SECONDS)) {
                worker.shutdownNow();
                worker.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
            }
            if (admin != null) {
                admin.close(Duration.ofSeconds(5));
            }
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
