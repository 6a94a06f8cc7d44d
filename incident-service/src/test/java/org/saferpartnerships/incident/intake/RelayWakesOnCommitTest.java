package org.saferpartnerships.incident.intake;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import org.saferpartnerships.incident.Directory;
import org.saferpartnerships.platform.events.Topics;
import org.saferpartnerships.platform.events.incident.IncidentRecorded;
import org.saferpartnerships.platform.events.incident.IncidentSnapshot;
import org.saferpartnerships.platform.outbox.Outbox;
import org.saferpartnerships.testing.identity.TestTokens;
import org.saferpartnerships.testing.kafka.TestKafka;
import org.saferpartnerships.testing.postgres.TestPostgresServer;

/** The commit of an event wakes the outbox relay: it does not wait for the poll. */
@QuarkusTest
@TestProfile(RelayWakesOnCommitTest.HourlyPoll.class)
class RelayWakesOnCommitTest {

    /**
     * The fallback poll out of the test's reach, so only a commit's notification can publish in
     * time; the outbox vacuumed every second once events have been published.
     */
    public static class HourlyPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("csp.outbox.poll-interval", "1h", "csp.outbox.vacuum-interval", "1s");
        }
    }

    /** The relay's fallback poll (OutboxRelay#poll). */
    private static final String POLL = "outbox-relay";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Outbox outbox;

    @Inject
    Scheduler scheduler;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String database;

    private String partnership;
    private String district;
    private String police;

    @BeforeEach
    void aPartnershipWithThePoliceAsMember() {
        String[] created = Directory.partnership(dataSource);
        partnership = created[0];
        district = created[1];
        Directory.member(dataSource, "essex-police", partnership, "2019-04-01", null);
        police = TestTokens.agencySubmitter("essex-police", partnership);
    }

    /** Even an hourly poll ticks once a second after start: the tests begin after that tick. */
    @BeforeEach
    void theStartUpTickIsOver() {
        await().atMost(Duration.ofSeconds(10)).until(() -> scheduler.getScheduledJob(POLL).getPreviousFireTime() != null);
        assertThat(scheduler.getScheduledJob(POLL).getNextFireTime(),
                greaterThan(Instant.now().plus(Duration.ofMinutes(30))));
    }

    @Test
    void aPostedIncidentIsOnKafkaWithoutWaitingForThePoll() {
        // Passes run one after another, so once this first event is out, no pass asked for before
        // it (by the start-up tick or the listener's first pass) is left to pick up the next one.
        awaitEventsAbout(Set.of(post()), Duration.ofSeconds(20));

        String id = post();
        ConsumerRecord<String, String> event = awaitEventsAbout(Set.of(id), Duration.ofSeconds(10)).get(0);
        assertThat(TestKafka.header(event, "ce_type"), equalTo(IncidentRecorded.TYPE));
        assertThat(event.key(), equalTo(partnership));
    }

    @Test
    void aPublishedEventLeavesTheOutboxWhichIsThenVacuumed() throws SQLException {
        long vacuumsBefore = outboxVacuums();
        String id = post();
        awaitEventsAbout(Set.of(id), Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(20)).until(() -> outboxRowsAbout(id), is(0L));
        // The relay vacuums what it deleted: autovacuum may be late, or off on a shared server.
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxVacuums() > vacuumsBefore);
    }

    /** Explicit vacuums of the outbox table so far, as PostgreSQL's statistics count them. */
    private long outboxVacuums() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement stats = connection.prepareStatement(
                        "select vacuum_count from pg_stat_user_tables where relname = 'outbox_event'");
                ResultSet row = stats.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    @Test
    void anEventWhoseTransactionRollsBackIsNeitherKeptNorPublished() throws SQLException {
        UUID incident = UUID.randomUUID();
        String subject = incident.toString();
        assertThrows(ChangeFailed.class, () -> QuarkusTransaction.requiringNew().call(() -> {
            outbox.append(new IncidentRecorded(snapshot(incident)));
            assertThat(outboxRowsAbout(subject), is(1L));
            throw new ChangeFailed();
        }));
        assertThat(outboxRowsAbout(subject), is(0L));

        // Same partnership, so same key and partition: had the first event been kept, it would come before this one.
        String later = post();
        List<ConsumerRecord<String, String>> events = awaitEventsAbout(Set.of(subject, later), Duration.ofSeconds(10));
        assertThat(events.stream().map(e -> TestKafka.header(e, "ce_subject")).toList(), contains(later));
    }

    @Test
    void afterADatabaseRestartTheRelayListensAgainAndCatchesUp() throws Exception {
        long listenerBefore = await().atMost(Duration.ofSeconds(10)).until(this::listenerPid, greaterThan(0L));
        // Written without a notification, like a commit made while nobody listened: only the pass
        // the relay runs once it listens again can publish it before the hourly poll.
        UUID unheard = UUID.randomUUID();
        writeWithoutNotification(new IncidentRecorded(snapshot(unheard)));

        try (TestPostgresServer.Outage outage = TestPostgresServer.shared().outage(database)) {
            // Every connection to the database is ended, the listening one too.
        }
        awaitEventsAbout(Set.of(unheard.toString()), Duration.ofSeconds(20));
        // Pooled connections ended by the outage may each fail once before validation drops them.
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(this::listenerPid, pid -> pid > 0 && pid != listenerBefore);

        String id = post();
        awaitEventsAbout(Set.of(id), Duration.ofSeconds(10));
    }

    private String post() {
        return jsonWithToken(police).body("""
                {"externalRef": "EP-WAKE-%s", "partnershipId": "%s", "category": "burglary",
                 "occurredOn": "2024-05-18", "districtCode": "%s"}""".formatted(UUID.randomUUID(), partnership, district))
                .when().post("/api/v1/incidents")
                .then().statusCode(201).extract().path("id");
    }

    private static List<ConsumerRecord<String, String>> awaitEventsAbout(Set<String> subjects, Duration within) {
        return TestKafka.awaitRecords(Topics.INCIDENT_EVENTS, r -> subjects.contains(TestKafka.header(r, "ce_subject")),
                within);
    }

    private long outboxRowsAbout(String subject) throws SQLException {
        return Directory.count(dataSource, "select count(*) from outbox_event where subject = ?", subject);
    }

    /** The backend pid of the relay's listening connection, 0 when it has none. */
    private long listenerPid() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select coalesce(max(pid), 0) from pg_stat_activity "
                        + "where datname = current_database() and application_name = 'outbox-listener'");
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private void writeWithoutNotification(IncidentRecorded event) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into outbox_event (event_id, topic, event_key, event_type, subject, occurred_at, payload)
                        values (?, ?, ?, ?, ?, ?, cast(? as json))""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, event.topic());
            insert.setString(3, event.partnershipId());
            insert.setString(4, event.eventType());
            insert.setString(5, event.subject());
            insert.setTimestamp(6, Timestamp.from(Instant.now()));
            insert.setString(7, json.writeValueAsString(event));
            insert.executeUpdate();
        }
    }

    private IncidentSnapshot snapshot(UUID incident) {
        return new IncidentSnapshot(incident, "essex-police", "EP-ROLLBACK-" + incident, partnership, "burglary", null,
                null, List.of(), null, LocalDate.of(2024, 5, 18), "2024-05", null, district, district, null, null, null,
                null, null, List.of(), null, Instant.now(), 0);
    }

    /** The change that wrote the event fails afterwards. */
    private static class ChangeFailed extends RuntimeException {
    }
}
