package org.saferpartnerships.platform.outbox;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.platform.notes.NoteRows;
import org.saferpartnerships.platform.notes.NoteWritten;
import org.saferpartnerships.platform.notes.Notes;
import org.saferpartnerships.testing.identity.TestTokens;
import org.saferpartnerships.testing.kafka.TestKafka;

/** A change and its event commit or roll back together, and the relay publishes what committed, in order. */
@QuarkusTest
class OutboxTest {

    private static final String WRITER = TestTokens.withRole(Roles.PARTNERSHIP_OFFICER);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aCommittedChangeIsPublishedAsACloudEventKeyedByItsPartnership() {
        String partnership = partnership();
        String id = write(partnership, "the board met");

        ConsumerRecord<String, String> event = eventsOf(partnership, 1).get(0);
        assertThat(event.key(), equalTo(partnership));
        assertThat(TestKafka.header(event, "ce_specversion"), equalTo("1.0"));
        assertThat(TestKafka.header(event, "ce_type"), equalTo(NoteWritten.TYPE));
        assertThat(TestKafka.header(event, "ce_source"), equalTo("/platform-tests"));
        assertThat(TestKafka.header(event, "ce_subject"), equalTo(id));
        assertThat(TestKafka.header(event, "content-type"), equalTo("application/json"));
        UUID.fromString(TestKafka.header(event, "ce_id"));
        Instant.parse(TestKafka.header(event, "ce_time"));
        JsonPath payload = new JsonPath(event.value());
        assertThat(payload.getString("noteId"), equalTo(id));
        assertThat(payload.getString("partnershipId"), equalTo(partnership));
        assertThat(payload.getString("text"), equalTo("the board met"));
    }

    @Test
    void aChangeThatRollsBackLeavesNeitherItsRecordNorItsEvent() {
        String partnership = partnership();
        jsonWithToken(WRITER).body(note(partnership, Notes.FAILS)).post("/notes").then().statusCode(500);
        assertThat(NoteRows.count(dataSource, "select count(*) from note where partnership_id = ?", partnership), is(0L));
        assertThat(NoteRows.count(dataSource, "select count(*) from outbox_event where event_key = ?", partnership),
                is(0L));

        // Same key, same partition: had the rolled-back event gone out, it would come before this one.
        String later = write(partnership, "written after the failure");
        assertThat(eventsOf(partnership, 1).stream().map(e -> TestKafka.header(e, "ce_subject")).toList(),
                contains(later));
    }

    @Test
    void theEventsOfOnePartnershipArePublishedInTheOrderTheirChangesCommitted() {
        String partnership = partnership();
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            written.add(write(partnership, "note " + i));
        }
        assertThat(eventsOf(partnership, written.size()).stream().map(e -> TestKafka.header(e, "ce_subject")).toList(),
                equalTo(written));
    }

    @Test
    void aPublishedEventLeavesTheOutbox() {
        String partnership = partnership();
        String id = write(partnership, "published, then gone");
        eventsOf(partnership, 1);
        await().atMost(PATIENCE).until(
                () -> NoteRows.count(dataSource, "select count(*) from outbox_event where subject = ?", id), is(0L));
    }

    @Test
    void aChangeWhoseEventKafkaWouldRefuseIsRefusedWhole() {
        String partnership = partnership();
        jsonWithToken(WRITER).body(note(partnership, "x".repeat(300_000))).post("/notes")
                .then().statusCode(413).body("detail", containsString("too large to publish"));
        assertThat(NoteRows.count(dataSource, "select count(*) from note where partnership_id = ?", partnership), is(0L));
    }

    private static String partnership() {
        return "outbox-" + UUID.randomUUID();
    }

    static String note(String partnership, String text) {
        return """
                {"partnershipId": "%s", "text": "%s"}""".formatted(partnership, text);
    }

    private static String write(String partnership, String text) {
        return jsonWithToken(WRITER).body(note(partnership, text)).post("/notes")
                .then().statusCode(201).extract().path("noteId");
    }

    private static List<ConsumerRecord<String, String>> eventsOf(String partnership, int count) {
        return TestKafka.awaitRecords(NoteWritten.TOPIC, r -> partnership.equals(r.key()), count, PATIENCE);
    }
}
