package org.saferpartnerships.platform.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.platform.notes.NoteRows;
import org.saferpartnerships.testing.identity.TestTokens;

/**
 * A statement that runs past the statement timeout is stopped by the database, and its request is
 * answered 503 with Retry-After, having changed nothing, instead of holding a connection for as long
 * as the statement would take.
 */
@QuarkusTest
@TestProfile(StatementTimeoutTest.ShortStatements.class)
class StatementTimeoutTest {

    private static final String WRITER = TestTokens.withRole(Roles.PARTNERSHIP_OFFICER);
    private static final String SLOW = "a note whose insert takes ten seconds";

    /** A statement may take 2 s, as the platform's 60 s in miniature. */
    public static class ShortStatements implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.additional-jdbc-properties.options",
                    "-c lock_timeout=1s -c statement_timeout=2s");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    /** Inserting the slow note sleeps, as a costly query or a cold index would take its time. */
    @BeforeEach
    void slowInsert() throws SQLException {
        execute("""
                create or replace function slow_note() returns trigger language plpgsql as $$
                begin
                    if new.text = '%s' then perform pg_sleep(10); end if;
                    return new;
                end $$""".formatted(SLOW));
        execute("create trigger slow_note before insert on note for each row execute function slow_note()");
    }

    @AfterEach
    void noSlowInsert() throws SQLException {
        execute("drop trigger if exists slow_note on note");
        execute("drop function if exists slow_note()");
    }

    @Test
    void aStatementPastTheTimeoutIsStoppedAndItsRequestToldToComeBack() throws SQLException {
        String partnership = "slow-" + UUID.randomUUID();
        Instant sent = Instant.now();
        jsonWithToken(WRITER).body(note(partnership, SLOW)).post("/notes")
                .then().statusCode(503).header("Retry-After", notNullValue())
                .body("detail", containsString("send the request again"));
        assertThat("seconds before the answer", Duration.between(sent, Instant.now()).toSeconds(), lessThan(8L));
        assertThat(NoteRows.count(dataSource, "select count(*) from note where partnership_id = ?", partnership), is(0L));

        jsonWithToken(WRITER).body(note(partnership, "a quick note")).post("/notes").then().statusCode(201);
        assertThat(NoteRows.count(dataSource, "select count(*) from note where partnership_id = ?", partnership), is(1L));
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String note(String partnership, String text) {
        return """
                {"partnershipId": "%s", "text": "%s"}""".formatted(partnership, text);
    }
}
