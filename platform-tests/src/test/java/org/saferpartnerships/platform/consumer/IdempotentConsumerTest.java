package org.saferpartnerships.platform.consumer;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

import org.saferpartnerships.platform.events.Topics;
import org.saferpartnerships.platform.notes.NoteRecords;
import org.saferpartnerships.platform.notes.NoteRows;
import org.saferpartnerships.platform.notes.NoteWritten;
import org.saferpartnerships.platform.notes.NotesSeen;
import org.saferpartnerships.testing.kafka.TestKafka;
import org.saferpartnerships.testing.postgres.TestPostgresServer;

/**
 * Each event is applied once, however often it comes; a malformed one goes to the dead-letter
 * topic without holding up the next; one that arrives while the database is down waits for it.
 */
@QuarkusTest
class IdempotentConsumerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String database;

    @Test
    void anEventDeliveredTwiceIsAppliedOnce() {
        String partnership = partnership();
        NoteWritten twice = note(partnership);
        String id = UUID.randomUUID().toString();
        NoteWritten after = note(partnership);
        TestKafka.sendAll(NoteWritten.TOPIC, List.of(record(twice, id), record(twice, id),
                record(after, UUID.randomUUID().toString())));

        // One partition, in order: once the last is applied, both deliveries of the first were handled.
        awaitSeen(after, 1);
        assertThat(seen(twice), is(1L));
    }

    @Test
    void aMalformedEventGoesToTheDeadLetterTopicAndTheNextIsApplied() {
        String partnership = partnership();
        NoteWritten before = note(partnership);
        NoteWritten after = note(partnership);
        String malformedId = UUID.randomUUID().toString();
        TestKafka.Outgoing malformed = new TestKafka.Outgoing(partnership, "{\"noteId\": \"not a uuid\"}",
                NoteRecords.headers(NoteWritten.TYPE, malformedId, UUID.randomUUID().toString()));
        TestKafka.sendAll(NoteWritten.TOPIC, List.of(record(before, UUID.randomUUID().toString()), malformed,
                record(after, UUID.randomUUID().toString())));

        awaitSeen(after, 1);
        assertThat(seen(before), is(1L));
        TestKafka.awaitRecords(Topics.deadLetterTopicOf(NotesSeen.CONSUMER), r -> malformedId.equals(TestKafka.header(r, "ce_id")),
                PATIENCE);
        assertThat(NoteRows.count(dataSource, "select count(*) from consumed_event where event_id = ?", malformedId),
                is(0L));
    }

    @Test
    void aDeadlockIsRetriedBeyondTheAttemptsForOtherFailuresAndNeverDeadLettered() {
        // Five deadlocks in a row: more than the three attempts another failure gets.
        NoteWritten note = new NoteWritten(UUID.randomUUID(), partnership(), NotesSeen.deadlocks(5));
        TestKafka.sendAll(NoteWritten.TOPIC, List.of(record(note, UUID.randomUUID().toString())));

        // Dead-lettered, it would never be applied.
        await().atMost(PATIENCE).until(() -> seen(note), is(1L));
        assertThat(NotesSeen.attempts(note), is(6));
    }

    @Test
    void anEventThatArrivesWhileTheDatabaseIsDownIsAppliedOnceItIsBack() {
        NoteWritten note = note(partnership());
        double retriesBefore = retries();
        try (TestPostgresServer.Outage outage = TestPostgresServer.shared().outage(database)) {
            TestKafka.sendAll(NoteWritten.TOPIC, List.of(record(note, UUID.randomUUID().toString())));
            // The consumer tried and is waiting the outage out, not dead-lettering the event.
            await().atMost(PATIENCE).until(this::retries, greaterThan(retriesBefore));
        }
        // Pooled connections ended by the outage may each fail once before validation drops them.
        await().atMost(PATIENCE).ignoreExceptions().until(() -> seen(note), is(1L));
    }

    private double retries() {
        return meters.find("csp.consumer.retries").tag("consumer", NotesSeen.CONSUMER).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    private void awaitSeen(NoteWritten note, long times) {
        await().atMost(PATIENCE).until(() -> seen(note), is(times));
    }

    private long seen(NoteWritten note) {
        return NoteRows.count(dataSource, "select count(*) from note_seen where note_id = ?", note.noteId());
    }

    private static String partnership() {
        return "consumer-" + UUID.randomUUID();
    }

    private static NoteWritten note(String partnership) {
        return new NoteWritten(UUID.randomUUID(), partnership, "seen");
    }

    private TestKafka.Outgoing record(NoteWritten note, String eventId) {
        return NoteRecords.record(json, note, eventId);
    }
}
