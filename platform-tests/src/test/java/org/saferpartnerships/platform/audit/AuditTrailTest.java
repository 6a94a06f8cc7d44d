package org.saferpartnerships.platform.audit;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.platform.notes.NoteRows;
import org.saferpartnerships.testing.identity.TestTokens;

/**
 * Every request leaves an entry: changes in their own transaction, so a change whose entry cannot
 * be written is not made; reads before they are answered; refusals although their work was
 * rolled back. The database keeps entries from being changed or deleted.
 */
@QuarkusTest
class AuditTrailTest {

    /** A purpose the test trigger below refuses to store, as a database that cannot take the entry would. */
    private static final String FAILING = "the audit trail cannot take this";

    @Inject
    AgroalDataSource dataSource;

    private final String partnership = "audited-" + UUID.randomUUID();
    private final String purpose = "audit test " + UUID.randomUUID();
    private final String officer = TestTokens.forUser("a.officer").subject(UUID.randomUUID().toString())
            .roles(Roles.PARTNERSHIP_OFFICER).agency("braintree-council").partnerships(partnership).token();

    /** An entry as a test reads it back. */
    record Entry(String subject, String username, String agencyId, List<String> roles, String action,
            String recordType, List<String> recordIds, String purpose, String method, String outcome, Integer status) {
    }

    @BeforeEach
    void entriesWithTheFailingPurposeCannotBeWritten() throws SQLException {
        sql("""
                create or replace function audit_test_refuse() returns trigger language plpgsql as $$
                begin
                    raise exception 'the audit trail is locked' using errcode = 'lock_not_available';
                end $$""");
        sql("drop trigger if exists audit_test_refuse on audit_entry");
        sql("create trigger audit_test_refuse before insert on audit_entry for each row when (new.purpose = '"
                + FAILING + "') execute function audit_test_refuse()");
    }

    @AfterEach
    void entriesAreWrittenAgain() throws SQLException {
        sql("drop trigger if exists audit_test_refuse on audit_entry");
    }

    @Test
    void aChangeIsAuditedWithWhoWhatWhichAndWhy() {
        String noteId = write(purpose).then().statusCode(201).extract().path("noteId");

        List<Entry> entries = entries(purpose);
        assertThat(entries, hasSize(1));
        Entry entry = entries.get(0);
        assertThat(entry.subject(), is(not(nullValue())));
        assertThat(entry.subject(), is(not("a.officer")));
        assertThat(entry.username(), is("a.officer"));
        assertThat(entry.agencyId(), is("braintree-council"));
        assertThat(entry.roles(), contains(Roles.PARTNERSHIP_OFFICER));
        assertThat(entry.action(), is("create"));
        assertThat(entry.recordType(), is("note"));
        assertThat(entry.recordIds(), contains(noteId));
        assertThat(entry.method(), is("POST"));
        assertThat(entry.outcome(), is("allowed"));
    }

    @Test
    void aChangeWhoseEntryCannotBeWrittenIsNotMade() {
        write(FAILING).then().statusCode(503).header("Retry-After", "2");

        assertThat(NoteRows.count(dataSource, "select count(*) from note where partnership_id = ?", partnership), is(0L));
        // The same change with an entry the trail takes is made.
        write(purpose).then().statusCode(201);
        assertThat(NoteRows.count(dataSource, "select count(*) from note where partnership_id = ?", partnership), is(1L));
    }

    @Test
    void aListAndARecordReadAreAuditedWithTheIdsAnswered() {
        String first = write("first").then().statusCode(201).extract().path("noteId");
        String second = write("second").then().statusCode(201).extract().path("noteId");

        withToken(officer).header(AuditTrail.PURPOSE, purpose).queryParam("partnershipId", partnership)
                .get("/notes").then().statusCode(200);
        withToken(officer).header(AuditTrail.PURPOSE, purpose).get("/notes/" + first).then().statusCode(200);

        List<Entry> entries = entries(purpose);
        assertThat(entries, hasSize(2));
        assertThat(entries.get(0).action(), is("list"));
        assertThat(entries.get(0).recordIds(), containsInAnyOrder(first, second));
        assertThat(entries.get(0).status(), is(200));
        assertThat(entries.get(1).action(), is("read"));
        assertThat(entries.get(1).recordIds(), contains(first));
    }

    @Test
    void aReadWhoseEntryCannotBeWrittenIsNotAnswered() {
        String noteId = write("kept from the reader").then().statusCode(201).extract().path("noteId");

        String body = withToken(officer).header(AuditTrail.PURPOSE, FAILING).get("/notes/" + noteId)
                .then().statusCode(503).header("Retry-After", "2").extract().asString();

        assertThat(body.contains("kept from the reader"), is(false));
    }

    @Test
    void refusedReadsAreAuditedThoughNothingWasAnswered() {
        String noteId = write("another partnership's").then().statusCode(201).extract().path("noteId");
        String outsider = TestTokens.forUser("an.outsider").roles(Roles.PARTNERSHIP_OFFICER)
                .partnerships("elsewhere").token();

        withToken(outsider).header(AuditTrail.PURPOSE, purpose).get("/notes/" + noteId).then().statusCode(404);
        withToken(outsider).header(AuditTrail.PURPOSE, purpose).queryParam("partnershipId", partnership)
                .get("/notes").then().statusCode(403);

        List<Entry> entries = entries(purpose);
        assertThat(entries, hasSize(2));
        assertThat(entries.get(0).username(), is("an.outsider"));
        assertThat(entries.get(0).outcome(), is("refused"));
        assertThat(entries.get(0).status(), is(404));
        assertThat(entries.get(0).recordIds(), contains(noteId));
        assertThat(entries.get(1).outcome(), is("refused"));
        assertThat(entries.get(1).status(), is(403));
        assertThat(entries.get(1).recordIds(), is(empty()));
    }

    @Test
    void aProbeWithANulCharacterIsAuditedAsTheDatabaseCanHoldIt() {
        withToken(officer).header(AuditTrail.PURPOSE, purpose).urlEncodingEnabled(false).get("/notes/a%00b")
                .then().statusCode(400);

        List<Entry> entries = entries(purpose);
        assertThat(entries, hasSize(1));
        assertThat(entries.get(0).outcome(), is("refused"));
        assertThat(entries.get(0).recordIds(), contains("a\uFFFDb"));
    }

    @Test
    void anOptionsRequestReadsNothingAndIsAnsweredNotWithheld() {
        withToken(officer).header(AuditTrail.PURPOSE, purpose).options("/notes").then().statusCode(200);

        assertThat(entries(purpose), is(empty()));
    }

    @Test
    void aRefusedChangeIsAuditedThoughItWasRolledBack() {
        jsonWithToken(officer).header(AuditTrail.PURPOSE, purpose)
                .body("{\"partnershipId\": \"%s\", \"text\": \"\"}".formatted(partnership)).post("/notes")
                .then().statusCode(400);

        List<Entry> entries = entries(purpose);
        assertThat(entries, hasSize(1));
        assertThat(entries.get(0).action(), is("create"));
        assertThat(entries.get(0).outcome(), is("refused"));
        assertThat(entries.get(0).status(), is(400));
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAnEntry() throws SQLException {
        write(purpose).then().statusCode(201);
        assertThat(entries(purpose), hasSize(1));
        // The purge below must find the entry past its one second, or it has nothing to try to delete.
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).until(() -> olderThanASecond(purpose));

        for (String change : List.of("update audit_entry set username = 'someone else' where purpose = '" + purpose + "'",
                "delete from audit_entry where purpose = '" + purpose + "'", "truncate audit_entry",
                // Even retention's purge: no entry younger than a year goes.
                "select purge_audit_entries(interval '1 second', 10)")) {
            SQLException refused = assertThrows(SQLException.class, () -> sql(change), change);
            assertThat(refused.getSQLState(), is("42501"));
        }
        assertThat(entries(purpose).get(0).username(), is("a.officer"));
    }

    private boolean olderThanASecond(String why) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select count(*) from audit_entry where purpose = ? and at < now() - interval '1 second'")) {
            select.setString(1, why);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1) == 1;
            }
        }
    }

    private io.restassured.response.Response write(String why) {
        return jsonWithToken(officer).header(AuditTrail.PURPOSE, why)
                .body("{\"partnershipId\": \"%s\", \"text\": \"%s\"}".formatted(partnership, why)).post("/notes");
    }

    private List<Entry> entries(String why) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        select subject, username, agency_id, roles, action, record_type, record_ids, purpose, method,
                            outcome, status
                        from audit_entry where purpose = ? order by id""")) {
            select.setString(1, why);
            List<Entry> found = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.add(new Entry(row.getString(1), row.getString(2), row.getString(3),
                            Arrays.asList((String[]) row.getArray(4).getArray()), row.getString(5), row.getString(6),
                            Arrays.asList((String[]) row.getArray(7).getArray()), row.getString(8), row.getString(9),
                            row.getString(10), (Integer) row.getObject(11)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement run = connection.createStatement()) {
            run.execute(statement);
        }
    }
}
