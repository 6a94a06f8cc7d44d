package org.saferpartnerships.incident.records;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.saferpartnerships.incident.Directory;
import org.saferpartnerships.platform.api.HttpProblem;
import org.saferpartnerships.platform.audit.AuditTrail;
import org.saferpartnerships.platform.calendar.BusinessCalendar;
import org.saferpartnerships.platform.export.ExportQuotaConfig;
import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.testing.identity.TestTokens;

@QuarkusTest
class IncidentListingTest {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> dbUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> dbPassword;

    @Inject
    ExportQuotaConfig exportQuota;

    private String partnership;
    private String district;

    @BeforeEach
    void fivePoliceAndTwoFireIncidents() {
        String[] created = Directory.partnership(dataSource);
        partnership = created[0];
        district = created[1];
        Directory.member(dataSource, "essex-police", partnership, "2019-04-01", null);
        Directory.member(dataSource, "essex-fire", partnership, "2019-04-01", null);
        post("essex-police", 5, "burglary");
        post("essex-fire", 2, "criminal-damage-arson");
    }

    private void post(String agency, int count, String category) {
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            batch.append(i == 0 ? "" : ",").append("""
                    {"externalRef": "%s", "category": "%s", "occurredMonth": "2018-0%d", "districtCode": "%s",
                     "flags": [%s]}""".formatted(UUID.randomUUID(), category, 1 + i % 3, district,
                    i == 0 ? "\"knife\"" : ""));
        }
        jsonWithToken(TestTokens.agencySubmitter(agency, partnership))
                .body(batch.append("]").toString()).when().post("/api/v1/incidents/batch")
                .then().statusCode(200).body("created", equalTo(count));
    }

    @Test
    void anAgencySeesOnlyItsOwnRecords() {
        withToken(TestTokens.agencySubmitter("essex-fire", partnership))
                .queryParam("partnership", partnership)
                .when().get("/api/v1/incidents")
                .then().statusCode(200).body("items", hasSize(2)).body("items.agencyId", everyItem(equalTo("essex-fire")));
    }

    @Test
    void aPartnershipOutsideTheTokenIsNotFound() {
        withToken(TestTokens.analyst("another-partnership")).queryParam("partnership", partnership)
                .when().get("/api/v1/incidents").then().statusCode(404);
        withToken(TestTokens.agencySubmitter("essex-fire", "another-partnership")).queryParam("partnership", partnership)
                .when().get("/api/v1/incidents").then().statusCode(404);
    }

    @Test
    void analystsOfThePartnershipSeeAllItsRecordsFilteredAndPaged() {
        String analyst = TestTokens.analyst(partnership);
        Set<String> seen = new HashSet<>();
        String after = null;
        int pages = 0;
        do {
            var request = withToken(analyst).queryParam("partnership", partnership).queryParam("limit", 3);
            if (after != null) {
                request.queryParam("after", after);
            }
            JsonPath page = request.when().get("/api/v1/incidents").then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("items.id");
            seen.addAll(ids);
            after = page.getString("next");
            pages++;
        } while (after != null);
        assertThat(seen, hasSize(7));
        assertThat(pages, equalTo(3));

        withToken(analyst).queryParam("partnership", partnership).queryParam("flag", "knife")
                .when().get("/api/v1/incidents").then().statusCode(200).body("items", hasSize(2));
        withToken(analyst).queryParam("partnership", partnership).queryParam("category", "burglary")
                .queryParam("from", "2018-02").queryParam("to", "2018-03")
                .when().get("/api/v1/incidents").then().statusCode(200).body("items", hasSize(3));
    }

    @Test
    void aRecordThatCommitsLateIsNotLeftBehindACursorAlreadyHandedOut() throws Exception {
        String[] created = Directory.partnership(dataSource);
        String late = "LATE-" + UUID.randomUUID();
        Directory.member(dataSource, "essex-police", created[0], "2019-04-01", null);
        String analyst = TestTokens.analyst(created[0]);
        try (Connection longImport = dataSource.getConnection()) {
            // A long import's chunk, recorded first and committed last.
            longImport.setAutoCommit(false);
            try (PreparedStatement insert = longImport.prepareStatement("""
                    insert into incident (id, agency_id, external_ref, partnership_id, category, occurred_month,
                        district_code, recorded_at)
                    values (gen_random_uuid(), 'essex-police', ?, ?, 'burglary', '2018-01', ?, now())""")) {
                insert.setString(1, late);
                insert.setString(2, created[0]);
                insert.setString(3, created[1]);
                insert.executeUpdate();
            }
            String[] after = batch(created, 3);

            // A client pages through what there is, keeping the last cursor it was given...
            List<String> seen = new ArrayList<>();
            String resume = pageThrough(analyst, created[0], null, seen);
            longImport.commit();
            // ...and later lists what came after it.
            pageThrough(analyst, created[0], resume, seen);

            // Each once; the late record first, for its transaction began first.
            assertThat(seen, hasSize(4));
            assertThat(seen.get(0), equalTo(late));
            assertThat(seen.subList(1, 4), containsInAnyOrder(after));
        }
    }

    @Test
    void aTransactionOfAnotherDatabaseOnTheServerDoesNotHoldTheListingBack() throws Exception {
        String[] created = Directory.partnership(dataSource);
        Directory.member(dataSource, "essex-police", created[0], "2019-04-01", null);
        String postgres = jdbcUrl.substring(0, jdbcUrl.lastIndexOf('/') + 1) + "postgres";
        try (Connection elsewhere = DriverManager.getConnection(postgres, dbUser.orElse(null), dbPassword.orElse(null))) {
            // Another service's long transaction on the shared server, with a transaction id.
            elsewhere.setAutoCommit(false);
            try (Statement writing = elsewhere.createStatement()) {
                writing.execute("select pg_current_xact_id()");
            }
            String[] posted = batch(created, 2);
            List<String> seen = new ArrayList<>();
            pageThrough(TestTokens.analyst(created[0]), created[0], null, seen);
            assertThat(seen, containsInAnyOrder(posted));
            elsewhere.rollback();
        }
    }

    /** externalRefs of {@code count} incidents posted as one batch. */
    private String[] batch(String[] partnership, int count) {
        String[] refs = new String[count];
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            refs[i] = "ON-TIME-" + i + "-" + UUID.randomUUID();
            batch.append(i == 0 ? "" : ",").append("""
                    {"externalRef": "%s", "category": "drugs", "occurredMonth": "2018-02", "districtCode": "%s"}"""
                    .formatted(refs[i], partnership[1]));
        }
        jsonWithToken(TestTokens.agencySubmitter("essex-police", partnership[0]))
                .body(batch.append("]").toString()).when().post("/api/v1/incidents/batch")
                .then().statusCode(200).body("created", equalTo(count));
        return refs;
    }

    /** Pages one record at a time from {@code after} to the end; returns the last cursor given out. */
    private static String pageThrough(String token, String partnership, String after, List<String> seen) {
        String last = after;
        String next = after;
        do {
            var request = withToken(token).queryParam("partnership", partnership).queryParam("limit", 1);
            if (next != null) {
                request.queryParam("after", next);
            }
            JsonPath page = request.when().get("/api/v1/incidents").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.externalRef"));
            next = page.getString("next");
            last = next == null ? last : next;
        } while (next != null);
        return last;
    }

    @Test
    void aPostedIncidentAndAListingAreAuditedWithTheirIds() throws Exception {
        String subject = UUID.randomUUID().toString();
        String submitter = TestTokens.forUser("audited-submitter").subject(subject).roles(Roles.AGENCY_SUBMITTER)
                .agency("essex-police").partnerships(partnership).token();
        String purpose = "incident audit " + UUID.randomUUID();
        String posted = jsonWithToken(submitter).header(AuditTrail.PURPOSE, purpose).body("""
                {"externalRef": "%s", "category": "burglary", "occurredMonth": "2018-02", "districtCode": "%s"}"""
                .formatted(UUID.randomUUID(), district)).when().post("/api/v1/incidents")
                .then().statusCode(201).extract().path("id");
        List<String> listed = withToken(submitter).header(AuditTrail.PURPOSE, purpose)
                .queryParam("partnership", partnership).when().get("/api/v1/incidents")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(listed, hasSize(6));

        List<List<Object>> entries = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        select action, record_type, record_ids, subject, agency_id, outcome from audit_entry
                        where purpose = ? order by id""")) {
            select.setString(1, purpose);
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(List.of(rows.getString(1), rows.getString(2),
                            List.of((String[]) rows.getArray(3).getArray()), rows.getString(4), rows.getString(5),
                            rows.getString(6)));
                }
            }
        }
        assertThat(entries, hasSize(2));
        assertThat(entries.get(0), equalTo(List.of("create", "incident", List.of(posted), subject, "essex-police",
                "allowed")));
        assertThat(entries.get(1).subList(0, 2), equalTo(List.of("list", "incident")));
        assertThat((List<?>) entries.get(1).get(2), containsInAnyOrder(listed.toArray()));
    }

    @Test
    void viewersDoNotReadRecordsAndBadFiltersAreRefused() {
        withToken(TestTokens.withRole(Roles.VIEWER, partnership)).when().get("/api/v1/incidents")
                .then().statusCode(403);
        withToken(TestTokens.analyst(partnership)).queryParam("after", "garbage")
                .when().get("/api/v1/incidents").then().statusCode(400);
        withToken(TestTokens.analyst(partnership)).queryParam("flag", "\"")
                .when().get("/api/v1/incidents").then().statusCode(400);
        withToken(TestTokens.analyst(partnership)).queryParam("category", "jaywalking")
                .when().get("/api/v1/incidents").then().statusCode(400);
    }

    @Test
    void aCallerWhoHasHadItsRecordsForTheDayIsRefusedUntilMidnightAndOthersAreNot() throws Exception {
        long recordsPerDay = exportQuota.recordsPerDay();
        String subject = UUID.randomUUID().toString();
        String exporter = TestTokens.forUser("exporter").subject(subject).roles(Roles.ANALYST)
                .partnerships(partnership).token();
        String incident = withToken(exporter).queryParam("partnership", partnership).when().get("/api/v1/incidents")
                .then().statusCode(200).extract().path("items[0].id");
        // Bring the caller's count to one short of the quota, as a day of paging would.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement used = connection.prepareStatement("""
                        update export_allowance set records = ? - 1 where subject = ?""")) {
            used.setLong(1, recordsPerDay);
            used.setString(2, subject);
            assertThat(used.executeUpdate(), equalTo(1));
        }
        withToken(exporter).queryParam("partnership", partnership).when().get("/api/v1/incidents")
                .then().statusCode(200).body("items", hasSize(7));
        long secondsToMidnight = java.time.Duration.between(java.time.ZonedDateTime.now(BusinessCalendar.ZONE),
                java.time.LocalDate.now(BusinessCalendar.ZONE).plusDays(1).atStartOfDay(BusinessCalendar.ZONE)).toSeconds();
        int retryAfter = Integer.parseInt(withToken(exporter).queryParam("partnership", partnership)
                .when().get("/api/v1/incidents")
                .then().statusCode(429).contentType(HttpProblem.MEDIA_TYPE)
                .body("detail", containsString(recordsPerDay + " records for today"))
                .extract().header("Retry-After"));
        assertThat((long) retryAfter, both(greaterThanOrEqualTo(secondsToMidnight - 5)).and(lessThanOrEqualTo(secondsToMidnight + 5)));
        withToken(exporter).when().get("/api/v1/incidents/" + incident).then().statusCode(429);
        assertThat("refusals are not counted", usedToday(dataSource, subject), equalTo(recordsPerDay - 1 + 7));
        withToken(TestTokens.analyst(partnership)).queryParam("partnership", partnership).when().get("/api/v1/incidents")
                .then().statusCode(200).body("items", hasSize(7));
    }

    private static long usedToday(AgroalDataSource dataSource, String subject) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select records from export_allowance where subject = ? and day = ?")) {
            select.setString(1, subject);
            select.setObject(2, java.time.LocalDate.now(BusinessCalendar.ZONE));
            try (var rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
