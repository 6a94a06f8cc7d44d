package org.saferpartnerships.platform.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.platform.notes.NoteRows;
import org.saferpartnerships.platform.notes.Notes;
import org.saferpartnerships.platform.notes.NotesResource;
import org.saferpartnerships.testing.identity.TestTokens;

/** A retried create with the same Idempotency-Key gets the first answer and creates nothing more. */
@QuarkusTest
class IdempotencyKeysTest {

    private static final String WRITER = TestTokens.forUser("keys-writer").roles(Roles.PARTNERSHIP_OFFICER).token();
    private static final String OTHER_WRITER = TestTokens.forUser("keys-other").roles(Roles.PARTNERSHIP_OFFICER).token();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRetryWithTheSameKeyGetsTheFirstAnswerAndCreatesNothing() {
        String partnership = partnership();
        String key = UUID.randomUUID().toString();
        Response first = post(WRITER, key, note(partnership, "once"));
        first.then().statusCode(201).header(IdempotencyKeys.REPLAYED, nullValue());

        Response retry = post(WRITER, key, note(partnership, "once"));
        retry.then().statusCode(201).header(IdempotencyKeys.REPLAYED, "true")
                .header("Location", first.header("Location"));
        assertThat(retry.path("noteId"), equalTo(first.path("noteId")));
        assertThat(notes(partnership), is(1L));
    }

    @Test
    void theSameKeyOnAnotherRequestIsRefused() {
        String partnership = partnership();
        String key = UUID.randomUUID().toString();
        post(WRITER, key, note(partnership, "first")).then().statusCode(201);
        post(WRITER, key, note(partnership, "second")).then().statusCode(422)
                .body("detail", containsString("different request"));
        assertThat(notes(partnership), is(1L));
    }

    @Test
    void aRefusedRequestKeepsNoAnswerSoItsCorrectionMayUseTheKey() {
        String partnership = partnership();
        String key = UUID.randomUUID().toString();
        post(WRITER, key, note(partnership, "")).then().statusCode(400);
        post(WRITER, key, note(partnership, "corrected")).then().statusCode(201)
                .header(IdempotencyKeys.REPLAYED, nullValue());
        assertThat(notes(partnership), is(1L));
    }

    @Test
    void aKeyBelongsToItsCaller() {
        String partnership = partnership();
        String key = UUID.randomUUID().toString();
        String mine = post(WRITER, key, note(partnership, "ours")).then().statusCode(201).extract().path("noteId");
        String theirs = post(OTHER_WRITER, key, note(partnership, "ours")).then().statusCode(201)
                .header(IdempotencyKeys.REPLAYED, nullValue()).extract().path("noteId");
        assertThat(theirs, not(equalTo(mine)));
        assertThat(notes(partnership), is(2L));
    }

    @Test
    void aKeyPastItsWindowIsSpentAndServesANewRequest() throws SQLException {
        String partnership = partnership();
        String key = UUID.randomUUID().toString();
        // The caller's answer to another request under this key, from before the window.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement old = connection.prepareStatement("""
                        insert into idempotency_key (caller, key, claim_token, request, fingerprint, claimed_at, status)
                        values ('keys-writer', ?, gen_random_uuid(), 'POST /notes', 'another body',
                                now() - make_interval(secs => ?) - interval '1 minute', 201)""")) {
            old.setString(1, key);
            old.setDouble(2, IdempotencyKeys.KEPT.toSeconds());
            old.executeUpdate();
        }
        post(WRITER, key, note(partnership, "new")).then().statusCode(201).header(IdempotencyKeys.REPLAYED, nullValue());
        assertThat(notes(partnership), is(1L));
    }

    @Test
    void theChangeAndItsAnswerCommitInOneTransaction() {
        String partnership = partnership();
        String key = UUID.randomUUID().toString();
        post(WRITER, key, note(partnership, "atomic")).then().statusCode(201);
        // One transaction id on both rows: no crash can leave the note without the answer a retry gets.
        String noteCommittedBy = NoteRows.text(dataSource, "select xmin::text from note where partnership_id = ?",
                partnership);
        String answerCommittedBy = NoteRows.text(dataSource,
                "select xmin::text from idempotency_key where key = ? and status = 201", key);
        assertThat(answerCommittedBy, equalTo(noteCommittedBy));
    }

    @Test
    void aFailedChangeFreesItsKey() {
        String partnership = partnership();
        String key = UUID.randomUUID().toString();
        post(WRITER, key, note(partnership, Notes.FAILS)).then().statusCode(500);
        post(WRITER, key, note(partnership, "after the failure")).then().statusCode(201)
                .header(IdempotencyKeys.REPLAYED, nullValue());
        assertThat(notes(partnership), is(1L));
    }

    @Test
    void aChangeWhoseAnswerCannotBeKeptIsNotMadeAndTheNextRequestIsServed() {
        String partnership = partnership();
        String key = UUID.randomUUID().toString();
        post(WRITER, key, note(partnership, NotesResource.UNWRITABLE_ANSWER)).then().statusCode(500);
        assertThat(notes(partnership), is(0L));
        // Nothing of the failed request lingers on the worker threads: later requests are served as usual.
        for (int i = 0; i < 4; i++) {
            post(WRITER, UUID.randomUUID().toString(), note(partnership, "after " + i)).then().statusCode(201);
        }
        post(WRITER, key, note(partnership, "the key is free again")).then().statusCode(201)
                .header(IdempotencyKeys.REPLAYED, nullValue());
        assertThat(notes(partnership), is(5L));
    }

    @Test
    void aChangeRefusedAtCommitIsNotAnsweredAsCreated() {
        String partnership = partnership();
        String key = UUID.randomUUID().toString();
        post(WRITER, key, note(partnership, "refused at commit")).then().statusCode(503)
                .header("Location", nullValue()).body("detail", containsString("nothing was changed"));
        assertThat(notes(partnership), is(0L));
        post(WRITER, key, note(partnership, "stored")).then().statusCode(201)
                .header(IdempotencyKeys.REPLAYED, nullValue());
        assertThat(notes(partnership), is(1L));
    }

    private static Response post(String token, String key, String body) {
        return jsonWithToken(token).header(IdempotencyKeys.HEADER, key).body(body).post("/notes");
    }

    private long notes(String partnership) {
        return NoteRows.count(dataSource, "select count(*) from note where partnership_id = ?", partnership);
    }

    private static String partnership() {
        return "keys-" + UUID.randomUUID();
    }

    private static String note(String partnership, String text) {
        return """
                {"partnershipId": "%s", "text": "%s"}""".formatted(partnership, text);
    }
}
