package org.saferpartnerships.platform.consumer;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.saferpartnerships.platform.events.Topics;
import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.platform.notes.NoteRecords;
import org.saferpartnerships.platform.notes.NoteRows;
import org.saferpartnerships.platform.notes.NoteWritten;
import org.saferpartnerships.platform.notes.NotesSeen;
import org.saferpartnerships.testing.identity.TestTokens;
import org.saferpartnerships.testing.kafka.TestKafka;

/**
 * An event dead-lettered by a fault (here a rule that refuses it, as a bad deployment would) is
 * applied by a redrive once the fault is fixed, and only once however often the redrive runs.
 */
@QuarkusTest
class DeadLetterRedriveTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String ADMIN = TestTokens.forUser("redrive-admin").roles(Roles.PLATFORM_ADMIN).token();
    private static final String OFFICER = TestTokens.forUser("redrive-officer").roles(Roles.PARTNERSHIP_OFFICER).token();
    private static final String DEAD_LETTERS = "/api/v1/admin/dead-letters";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @Test
    void aDeadLetterIsAppliedOnceByARedriveAfterTheFix() throws SQLException {
        String partnership = "redrive-" + UUID.randomUUID();
        NoteWritten refused = new NoteWritten(UUID.randomUUID(), partnership, "refused until fixed");
        NoteWritten next = new NoteWritten(UUID.randomUUID(), partnership, "applied");
        String refusedEvent = UUID.randomUUID().toString();
        execute("insert into note_seen_refused (note_id) values (?)", refused.noteId());
        TestKafka.sendAll(NoteWritten.TOPIC, List.of(NoteRecords.record(json, refused, refusedEvent),
                NoteRecords.record(json, next, UUID.randomUUID().toString())));

        TestKafka.awaitRecords(Topics.deadLetterTopicOf(NotesSeen.CONSUMER),
                r -> refusedEvent.equals(TestKafka.header(r, "ce_id")), PATIENCE);
        await().atMost(PATIENCE).until(() -> seen(next), is(1L));
        JsonPath queues = withToken(ADMIN).get(DEAD_LETTERS).then().statusCode(200).extract().jsonPath();
        assertThat(queues.getList("consumerGroup"), hasItem(NotesSeen.CONSUMER));
        assertThat(queues.getLong("find { it.consumerGroup == '" + NotesSeen.CONSUMER + "' }.waiting"),
                greaterThanOrEqualTo(1L));

        // Not fixed yet: the redrive stops at the letter and says why; nothing is applied.
        JsonPath stillRefused = redrive();
        assertThat(stillRefused.getString("failed.eventId"), equalTo(refusedEvent));
        assertThat(seen(refused), is(0L));

        execute("delete from note_seen_refused where note_id = ?", refused.noteId());
        JsonPath fixed = redrive();
        assertThat(fixed.getString("failed"), nullValue());
        assertThat(fixed.getLong("applied"), greaterThanOrEqualTo(1L));
        assertThat(fixed.getLong("waiting"), is(0L));
        assertThat(seen(refused), is(1L));

        JsonPath again = redrive();
        assertThat(again.getLong("applied"), is(0L));
        assertThat(seen(refused), is(1L));
    }

    @Test
    void onlyAPlatformAdminMayRedrive() {
        withToken(OFFICER).post(DEAD_LETTERS + "/" + NotesSeen.CONSUMER + "/redrive").then().statusCode(403);
        withToken(ADMIN).post(DEAD_LETTERS + "/no-such-group/redrive").then().statusCode(404);
    }

    private JsonPath redrive() {
        return withToken(ADMIN).post(DEAD_LETTERS + "/" + NotesSeen.CONSUMER + "/redrive").then().statusCode(200)
                .extract().jsonPath();
    }

    private long seen(NoteWritten note) {
        return NoteRows.count(dataSource, "select count(*) from note_seen where note_id = ?", note.noteId());
    }

    private void execute(String sql, Object parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            statement.executeUpdate();
        }
    }
}
