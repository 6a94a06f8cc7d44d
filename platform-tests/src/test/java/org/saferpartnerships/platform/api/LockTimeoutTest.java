package org.saferpartnerships.platform.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.platform.notes.NoteRows;
import org.saferpartnerships.testing.identity.TestTokens;

/** A write that cannot have its lock in time is answered 503 with Retry-After, and changes nothing. */
@QuarkusTest
class LockTimeoutTest {

    private static final String WRITER = TestTokens.withRole(Roles.PARTNERSHIP_OFFICER);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aWriteBehindALockHeldTooLongIsToldToComeBack() throws SQLException {
        String partnership = "locked-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        try (Connection migration = dataSource.getConnection()) {
            // As a long migration would: the table is held, writes wait for it.
            migration.setAutoCommit(false);
            try (Statement lock = migration.createStatement()) {
                lock.execute("lock table note in exclusive mode");
            }
            jsonWithToken(WRITER).header(IdempotencyKeys.HEADER, key).body(note(partnership)).post("/notes")
                    .then().statusCode(503).header("Retry-After", notNullValue())
                    .body("detail", containsString("send the request again"));
            migration.rollback();
        }
        assertThat(NoteRows.count(dataSource, "select count(*) from note where partnership_id = ?", partnership), is(0L));
        // Sent again with the same key once the lock is gone, it is made, once.
        jsonWithToken(WRITER).header(IdempotencyKeys.HEADER, key).body(note(partnership)).post("/notes")
                .then().statusCode(201);
        assertThat(NoteRows.count(dataSource, "select count(*) from note where partnership_id = ?", partnership), is(1L));
    }

    private static String note(String partnership) {
        return """
                {"partnershipId": "%s", "text": "written behind a lock"}""".formatted(partnership);
    }
}
