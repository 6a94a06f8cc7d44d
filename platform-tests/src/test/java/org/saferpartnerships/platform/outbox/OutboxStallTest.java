package org.saferpartnerships.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.platform.notes.NoteMisrouted;
import org.saferpartnerships.platform.notes.NoteRows;
import org.saferpartnerships.platform.notes.NoteWritten;
import org.saferpartnerships.platform.notes.Notes;
import org.saferpartnerships.testing.identity.TestTokens;
import org.saferpartnerships.testing.kafka.TestKafka;

/**
 * An event Kafka refuses stops the relay loudly: writes are still accepted, nothing overtakes the
 * refused event, and the metrics and the health check name it, until the cause is dealt with.
 */
@QuarkusTest
class OutboxStallTest {

    private static final String WRITER = TestTokens.withRole(Roles.PARTNERSHIP_OFFICER);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry meters;

    @TestHTTPResource(value = "/health/well", management = true)
    URL wellness;

    @Test
    void aRefusedEventIsReportedAndNothingOvertakesIt() throws SQLException {
        String partnership = "stall-" + UUID.randomUUID();
        try {
            write(partnership, Notes.MISROUTED);
            String after = write(partnership, "written after the refused one");

            JsonPath stalled = await().atMost(PATIENCE).until(this::wellness,
                    health -> "DOWN".equals(health.getString("status")));
            assertThat(stalled.getString("checks.find { it.name == 'Outbox relay' }.data.topic"),
                    equalTo(NoteMisrouted.TOPIC));
            assertThat(stalled.getBoolean("checks.find { it.name == 'Outbox relay' }.data.refused"), is(true));
            assertThat(gauge("csp.outbox.refused"), is(1.0));
            assertThat(gauge("csp.outbox.stalled.seconds"), greaterThan(0.0));
            // Stopped, not skipped: the later event waits its turn and is not on Kafka ahead of it.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> pending(after) == 1 && TestKafka.recordsNow(NoteWritten.TOPIC,
                            r -> after.equals(TestKafka.header(r, "ce_subject"))).isEmpty());

            // The operator's remedy for an event no fix can publish: take it out of the outbox.
            deleteRefused();
            TestKafka.awaitRecords(NoteWritten.TOPIC, r -> after.equals(TestKafka.header(r, "ce_subject")), PATIENCE);
            await().atMost(PATIENCE).until(() -> wellness().getString("status"), equalTo("UP"));
            assertThat(gauge("csp.outbox.refused"), is(0.0));
            assertThat(gauge("csp.outbox.stalled.seconds"), is(0.0));
        } finally {
            deleteRefused();
        }
    }

    private JsonPath wellness() {
        return given().get(wellness).then().extract().jsonPath();
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }

    private long pending(String noteId) {
        return NoteRows.count(dataSource, "select count(*) from outbox_event where subject = ?", noteId);
    }

    private void deleteRefused() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from outbox_event where topic = ?")) {
            delete.setString(1, NoteMisrouted.TOPIC);
            delete.executeUpdate();
        }
    }

    private static String write(String partnership, String text) {
        return jsonWithToken(WRITER).body(OutboxTest.note(partnership, text)).post("/notes")
                .then().statusCode(201).extract().path("noteId");
    }
}
