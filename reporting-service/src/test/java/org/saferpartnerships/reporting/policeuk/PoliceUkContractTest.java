package org.saferpartnerships.reporting.policeuk;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.reporting.counts.IncidentEvents;
import org.saferpartnerships.reporting.counts.IncidentEvents.Incident;
import org.saferpartnerships.testing.identity.TestTokens;

/**
 * The police.uk methods answer with police.uk's shapes, field for field (fixtures written from its
 * documentation), over months police.uk no longer serves, and serve only what was imported from
 * its publications.
 */
@QuarkusTest
class PoliceUkContractTest {

    private static final String API = "/police-uk/api/";
    /** Older than police.uk's rolling 36 months by far: only an archive still has it. */
    private static final String MONTH = "2012-03";
    private static final String LAT = "51.570718";
    private static final String LNG = "0.458926";
    private static final String CRIME_ID = "4d83433f3117b3a4d2c80510c69ea188a145bd7e94f3e98924109e70333ff" + "735";
    private static final String NO_OUTCOME_ID = "no-outcome-" + UUID.randomUUID();
    private static final String AGENCY_REF = "BAS-ASB-" + UUID.randomUUID();

    private static boolean recorded;

    /** Once for the class, with the application up (a static @BeforeAll runs before it starts). */
    @BeforeEach
    void importedAndPosted() {
        if (recorded) {
            return;
        }
        recorded = true;
        String p = "p-" + UUID.randomUUID();
        IncidentEvents.recorded(
                Incident.of(p, "anti-social-behaviour", MONTH, "E07000066").at("On or near Station Road", LAT, LNG)
                        .published("police-uk:6b1f0c2a9d8e7f60a1b2c3d4e5f60718:1", null),
                Incident.of(p, "burglary", MONTH, "E07000066").at("On or near Station Road", LAT, LNG)
                        .published(CRIME_ID, "under-investigation"),
                Incident.of(p, "burglary", MONTH, "E07000066").published("nolocation" + UUID.randomUUID(),
                        "investigation-complete-no-suspect-identified"),
                // Far from the others, and with no outcome yet.
                Incident.of(p, "robbery", MONTH, "E07000066").at("On or near Mill Road", "51.900000", "0.100000")
                        .published(NO_OUTCOME_ID, null),
                // Posted by the agency itself, at the same place: never open data.
                Incident.of(p, "anti-social-behaviour", MONTH, "E07000066").at("On or near Station Road", LAT, LNG)
                        .withReference(AGENCY_REF));
        await().atMost(Duration.ofSeconds(30)).until(() -> PoliceUkAreasTest.answered(given().queryParam("lat", LAT)
                .queryParam("lng", LNG).queryParam("date", MONTH).get(API + "crimes-street/all-crime")) == 2
                && PoliceUkAreasTest.answered(given().queryParam("force", "essex").queryParam("date", MONTH)
                        .get(API + "crimes-no-location")) == 1);
    }

    @Test
    void streetLevelCrimesHavePoliceUksShapeAndOnlyOpenRecords() {
        String body = given().queryParam("lat", LAT).queryParam("lng", LNG).queryParam("date", MONTH)
                .get(API + "crimes-street/all-crime").then().statusCode(200).contentType("application/json")
                .extract().asString();
        assertConforms("crimes-street.json", body);
        JsonPath crimes = JsonPath.from(body);
        // By id, which follows no order of ours: ASB without a Crime ID, and the burglary with its own.
        assertThat(crimes.getList("category"), containsInAnyOrder("anti-social-behaviour", "burglary"));
        assertThat(crimes.getString("find { it.category == 'anti-social-behaviour' }.persistent_id"), equalTo(""));
        assertThat(crimes.getString("find { it.category == 'burglary' }.persistent_id"), equalTo(CRIME_ID));
        List<Integer> ids = crimes.getList("id");
        assertThat(ids, equalTo(ids.stream().sorted().toList()));
        assertThat(crimes.getList("location.latitude"), contains(LAT, LAT));
        assertThat(crimes.getList("location.street.name"), contains("On or near Station Road", "On or near Station Road"));
        assertThat(crimes.getList("outcome_status"), hasItem(nullValue()));
        assertThat(crimes.getList("outcome_status.category"), hasItem("Under investigation"));
        assertThat(crimes.getList("month"), contains(MONTH, MONTH));

        given().queryParam("lat", LAT).queryParam("lng", LNG).queryParam("date", MONTH).get(API + "crimes-street/burglary")
                .then().statusCode(200).body("persistent_id", contains(CRIME_ID));
        given().queryParam("lat", LAT).queryParam("lng", LNG).queryParam("date", MONTH).get(API + "crimes-street/robbery")
                .then().statusCode(200).body("$", empty());
        // A mile and a bit away, nothing.
        given().queryParam("lat", "51.590000").queryParam("lng", LNG).queryParam("date", MONTH)
                .get(API + "crimes-street/all-crime").then().statusCode(200).body("$", empty());
    }

    @Test
    void crimesAtAStreetByItsIdAndByTheNearestPoint() {
        int street = given().queryParam("lat", LAT).queryParam("lng", LNG).queryParam("date", MONTH)
                .get(API + "crimes-street/all-crime").then().extract().path("[0].location.street.id");
        String byId = given().queryParam("location_id", street).queryParam("date", MONTH)
                .get(API + "crimes-at-location").then().statusCode(200).body("$", hasSize(2)).extract().asString();
        assertConforms("crimes-street.json", byId);
        given().queryParam("lat", "51.570900").queryParam("lng", "0.459100").queryParam("date", MONTH)
                .get(API + "crimes-at-location").then().statusCode(200).body("location.street.id", contains(street, street));
    }

    @Test
    void crimesWithoutALocationByForce() {
        String body = given().queryParam("category", "all-crime").queryParam("force", "essex").queryParam("date", MONTH)
                .get(API + "crimes-no-location").then().statusCode(200).body("$", hasSize(1)).extract().asString();
        assertConforms("crimes-no-location.json", body);
        given().queryParam("category", "burglary").queryParam("force", "essex").queryParam("date", MONTH)
                .get(API + "crimes-no-location").then().statusCode(200).body("$", hasSize(1));
        given().queryParam("force", "kent").queryParam("date", MONTH).get(API + "crimes-no-location")
                .then().statusCode(200).body("$", empty());
        given().queryParam("force", "atlantis").queryParam("date", MONTH).get(API + "crimes-no-location")
                .then().statusCode(404);
        given().queryParam("date", MONTH).get(API + "crimes-no-location").then().statusCode(400);
    }

    @Test
    void outcomesForACrimeAndNoneForAnAgencysOwnRecord() {
        String body = given().get(API + "outcomes-for-crime/" + CRIME_ID).then().statusCode(200).extract().asString();
        assertConforms("outcomes-for-crime.json", body);
        JsonPath outcomes = JsonPath.from(body);
        assertThat(outcomes.getString("crime.persistent_id"), equalTo(CRIME_ID));
        assertThat(outcomes.getList("outcomes.category.code"), contains("under-investigation"));
        assertThat(outcomes.getList("outcomes.date"), contains(MONTH));
        given().get(API + "outcomes-for-crime/" + AGENCY_REF).then().statusCode(404);
        // None yet: [] rather than null, as police.uk gives it.
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get(API + "outcomes-for-crime/" + NO_OUTCOME_ID)
                .statusCode(), equalTo(200));
        String none = given().get(API + "outcomes-for-crime/" + NO_OUTCOME_ID).then().statusCode(200)
                .body("outcomes", empty()).extract().asString();
        assertThat(none, containsString("\"outcomes\":[]"));
        assertConforms("outcomes-for-crime.json", none);
    }

    @Test
    void theMonthsHeldNewestFirstAndEachMonthsCategories() {
        String dates = given().get(API + "crimes-street-dates").then().statusCode(200).extract().asString();
        assertConforms("crimes-street-dates.json", dates);
        List<String> months = JsonPath.from(dates).getList("date");
        assertThat(months, hasItem(MONTH));
        assertThat(months, equalTo(months.stream().sorted(Comparator.reverseOrder()).toList()));

        String old = given().queryParam("date", MONTH).get(API + "crime-categories").then().statusCode(200)
                .extract().asString();
        assertConforms("crime-categories.json", old);
        assertThat(JsonPath.from(old).getList("url"), hasItem("public-disorder-weapons"));
        assertThat(JsonPath.from(old).getString("[0].name"), equalTo("All crime and ASB"));
        given().queryParam("date", "2020-01").get(API + "crime-categories").then().statusCode(200)
                .body("$", hasSize(15)).body("[0].url", equalTo("all-crime")).body("url", not(hasItem("public-disorder-weapons")));
        given().queryParam("date", "2011-08").get(API + "crime-categories").then().statusCode(200).body("$", hasSize(7));
    }

    @Test
    void theForcesOfEnglandWalesAndNorthernIreland() {
        String forces = given().get(API + "forces").then().statusCode(200).body("$", hasSize(45)).extract().asString();
        assertConforms("forces.json", forces);
        assertThat(JsonPath.from(forces).getList("id"), hasItem("essex"));
        String essex = given().get(API + "forces/essex").then().statusCode(200).body("name", equalTo("Essex Police"))
                .extract().asString();
        assertConforms("force.json", essex);
        given().get(API + "forces/atlantis").then().statusCode(404);
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void openReadsLeaveNoAuditEntryWhileTheApisReadsDo() throws SQLException {
        long before = auditEntries();
        given().get(API + "forces/essex").then().statusCode(200);
        given().get(API + "outcomes-for-crime/" + CRIME_ID).then().statusCode(200);
        assertThat(auditEntries(), equalTo(before));
        withToken(TestTokens.withRole(Roles.PLATFORM_ADMIN)).get("/api/v1/admin/projections").then().statusCode(200);
        assertThat(auditEntries(), equalTo(before + 1));
    }

    private long auditEntries() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement("select count(*) from audit_entry");
                ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void theDocumentDeclaresEveryRouteOpen() {
        JsonPath document = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        List<Object> policies = paths.entrySet().stream().filter(path -> path.getKey().startsWith("/police-uk/api/"))
                .flatMap(path -> path.getValue().values().stream()).map(operation -> operation.get("security"))
                .toList();
        assertThat(policies, hasSize(9));
        assertThat(policies.stream().distinct().toList(), equalTo(List.of(List.of())));
    }

    @Test
    void wrongQuestionsGetTheStatusPoliceUkGives() {
        Map<String, Object> point = Map.of("lat", LAT, "lng", LNG, "date", MONTH);
        given().queryParams(point).get(API + "crimes-street/no-such-category").then().statusCode(404);
        // A category the month did not have yet.
        given().queryParams(point).get(API + "crimes-street/bicycle-theft").then().statusCode(404);
        given().queryParams(Map.of("lat", LAT, "lng", LNG, "date", "1999-01")).get(API + "crimes-street/all-crime")
                .then().statusCode(404);
        given().queryParams(Map.of("lat", LAT, "lng", LNG, "date", "2012-3")).get(API + "crimes-street/all-crime")
                .then().statusCode(400);
        given().queryParams(Map.of("lat", "north", "lng", LNG)).get(API + "crimes-street/all-crime").then().statusCode(400);
        given().queryParams(Map.of("lat", "91", "lng", LNG)).get(API + "crimes-street/all-crime").then().statusCode(400);
        // Numbers Java would read but police.uk would not.
        for (String lat : List.of("NaN", "0x1.9p5", "5.1e1", "51.5d", "Infinity")) {
            given().queryParams(Map.of("lat", lat, "lng", LNG)).get(API + "crimes-street/all-crime").then()
                    .statusCode(400);
        }
        given().contentType("application/x-www-form-urlencoded").body("poly=51.5%ZZ,0.4&date=" + MONTH)
                .post(API + "crimes-street/all-crime").then().statusCode(400);
        given().contentType("application/x-www-form-urlencoded").formParam("lat", LAT).formParam("lng", LNG)
                .formParam("date", "March").post(API + "crimes-street/all-crime").then().statusCode(400);
        given().urlEncodingEnabled(false).get(API + "outcomes-for-crime/ab%00cd").then().statusCode(404);
        given().get(API + "crimes-street/all-crime").then().statusCode(400);
        given().queryParam("poly", "51.5,0.4:51.6").get(API + "crimes-street/all-crime").then().statusCode(400);
        given().queryParam("poly", "51.5,0.4:51.6,0.5").get(API + "crimes-street/all-crime").then().statusCode(400);
        given().queryParam("location_id", "twelve").get(API + "crimes-at-location").then().statusCode(400);
        given().get(API + "crimes-at-location").then().statusCode(400);
        // Read-only: the routes take no writes.
        given().contentType("application/json").body("{}").put(API + "forces/essex").then().statusCode(405);
    }

    @Test
    void theShapeCheckCatchesANumberWherePoliceUkGivesAStringAndFieldsOutOfOrder() {
        JsonNode fixture = PoliceUkShapes.fixture("crimes-street.json");
        String right = "[{\"category\": \"burglary\", \"location_type\": \"Force\", \"location\": "
                + "{\"latitude\": \"51.5\", \"street\": {\"id\": 1, \"name\": \"On or near X\"}, \"longitude\": \"0.4\"}, "
                + "\"context\": \"\", \"outcome_status\": null, \"persistent_id\": \"\", \"id\": 1, "
                + "\"location_subtype\": \"\", \"month\": \"2012-03\"}]";
        assertThat(PoliceUkShapes.departures(fixture, PoliceUkShapes.parse(right)), empty());
        assertThat(PoliceUkShapes.departures(fixture, PoliceUkShapes.parse(right.replace("\"51.5\"", "51.5"))),
                contains("$[0].location.latitude is number, police.uk gives [string]"));
        String reordered = right.replace("\"category\": \"burglary\", \"location_type\": \"Force\"",
                "\"location_type\": \"Force\", \"category\": \"burglary\"");
        assertThat(PoliceUkShapes.departures(fixture, PoliceUkShapes.parse(reordered)), hasSize(1));
    }

    private static void assertConforms(String fixture, String body) {
        assertThat(PoliceUkShapes.departures(PoliceUkShapes.fixture(fixture), PoliceUkShapes.parse(body)), empty());
    }
}
