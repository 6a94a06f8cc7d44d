package org.saferpartnerships.partnership.partnerships;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.either;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.saferpartnerships.partnership.Fixtures;
import org.saferpartnerships.platform.events.Topics;
import org.saferpartnerships.testing.kafka.TestKafka;

@QuarkusTest
class PartnershipResourceTest {

    @Inject
    AgroalDataSource dataSource;

    private static String body(String id, String name, String... districts) {
        return """
                {"id": "%s", "name": "%s", "districts": [%s], "pccArea": "Essex", "countyBoard": "Safer Essex",
                 "website": "https://example.org/csp"}"""
                .formatted(id, name, String.join(", ", List.of(districts).stream().map(d -> "\"" + d + "\"").toList()));
    }

    @Test
    void aJointPartnershipIsRegisteredWithItsDistrictsAndFoundByEither() {
        String id = Fixtures.uniqueId("joint");
        String first = Fixtures.freeDistrict();
        String second = Fixtures.freeDistrict();
        jsonWithToken(Fixtures.ADMIN).body(body(id, "Joint CSP", first, second))
                .when().post("/api/v1/partnerships")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/partnerships/" + id))
                .body("districts.code", contains(first, second))
                .body("districts[0].name", equalTo(
                        org.saferpartnerships.platform.geography.LocalAuthorityDistricts.nameOf(first).orElseThrow()));

        withToken(Fixtures.VIEWER).queryParam("district", second).when().get("/api/v1/partnerships")
                .then().statusCode(200).body("id", contains(id));

        ConsumerRecord<String, String> event = TestKafka.awaitRecords(Topics.PARTNERSHIP_EVENTS,
                r -> id.equals(TestKafka.header(r, "ce_subject")), Duration.ofSeconds(20)).get(0);
        assertThat(TestKafka.header(event, "ce_type"), equalTo("partnership.registered.v1"));
        assertThat(event.key(), equalTo(id));
        assertThat(JsonPath.from(event.value()).getList("districts"), equalTo(List.of(first, second)));
    }

    @Test
    void aDistrictBelongsToOnePartnershipAtATime() {
        String district = Fixtures.freeDistrict();
        jsonWithToken(Fixtures.ADMIN)
                .body(body(Fixtures.uniqueId("first"), "First", district))
                .when().post("/api/v1/partnerships").then().statusCode(201);
        jsonWithToken(Fixtures.ADMIN)
                .body(body(Fixtures.uniqueId("second"), "Second", district))
                .when().post("/api/v1/partnerships")
                .then().statusCode(409).body("detail", containsString(district));
    }

    @Test
    void simultaneousClaimsOnOneDistrictGiveOnePartnershipAndConflictsNeverAServerError() throws Exception {
        String district = Fixtures.freeDistrict();
        int claimants = 6;
        ExecutorService pool = Executors.newFixedThreadPool(claimants);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < claimants; i++) {
                String body = body(Fixtures.uniqueId("claim"), "Claimant", district);
                statuses.add(pool.submit(() -> {
                    start.await();
                    return jsonWithToken(Fixtures.ADMIN).body(body)
                            .when().post("/api/v1/partnerships").statusCode();
                }));
            }
            start.countDown();
            List<Integer> seen = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                seen.add(status.get(60, TimeUnit.SECONDS));
            }
            assertThat(seen, everyItem(either(equalTo(201)).or(equalTo(409))));
            assertThat(Collections.frequency(seen, 201), equalTo(1));
        } finally {
            pool.shutdownNow();
        }
        withToken(Fixtures.VIEWER).queryParam("district", district).when().get("/api/v1/partnerships")
                .then().statusCode(200).body("id", hasSize(1));
    }

    @Test
    void aClaimWaitingOnAnUncommittedClaimOfTheSameDistrictEndsInAConflict() throws Exception {
        String district = Fixtures.freeDistrict();
        String holder = Fixtures.uniqueId("holder");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection connection = dataSource.getConnection()) {
            // Another transaction holds the district, not yet committed, while the request arrives.
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("insert into partnership (id, name) values ('" + holder + "', 'Holder')");
                statement.execute("insert into partnership_district (partnership_id, position, district_code) "
                        + "values ('" + holder + "', 0, '" + district + "')");
            }
            Future<Integer> claim = pool.submit(() -> jsonWithToken(Fixtures.ADMIN)
                    .body(body(Fixtures.uniqueId("late"), "Late", district))
                    .when().post("/api/v1/partnerships").statusCode());
            await().atMost(Duration.ofSeconds(20)).until(this::someoneWaitsOnALock);
            connection.commit();
            assertThat(claim.get(30, TimeUnit.SECONDS), equalTo(409));
        } finally {
            pool.shutdownNow();
        }
    }

    /** Whether some other session of this database is waiting on a lock (the request, on the held row). */
    private boolean someoneWaitsOnALock() throws SQLException {
        try (Connection observer = dataSource.getConnection();
                Statement statement = observer.createStatement();
                ResultSet waiting = statement.executeQuery("select count(*) from pg_stat_activity "
                        + "where datname = current_database() and wait_event_type = 'Lock'")) {
            waiting.next();
            return waiting.getLong(1) > 0;
        }
    }

    @Test
    void districtsMustBeOnsDistrictCodes() {
        jsonWithToken(Fixtures.ADMIN)
                .body(body(Fixtures.uniqueId("bad"), "Bad", "E99999999"))
                .when().post("/api/v1/partnerships")
                .then().statusCode(400).body("violations.field", hasItem(containsString("districts")));
        jsonWithToken(Fixtures.ADMIN)
                .body("{\"id\": \"" + Fixtures.uniqueId("none") + "\", \"name\": \"None\", \"districts\": []}")
                .when().post("/api/v1/partnerships")
                .then().statusCode(400).body("violations.field", hasItem("districts"));
        withToken(Fixtures.VIEWER).queryParam("district", "Colchester").when().get("/api/v1/partnerships")
                .then().statusCode(400);
    }

    @Test
    void aWelshPartnershipAndOneOverANewUnitaryAreRegistered() {
        String cardiff = Fixtures.freeDistrict("W06000015"::equals);
        jsonWithToken(Fixtures.ADMIN).body(body(Fixtures.uniqueId("cardiff"), "Safer Cardiff", cardiff))
                .when().post("/api/v1/partnerships")
                .then().statusCode(201).body("districts[0].code", equalTo("W06000015"))
                .body("districts[0].name", equalTo("Cardiff"));
        // Cumberland, Westmorland and Furness, North Yorkshire, Somerset (April 2023); West
        // Northamptonshire (April 2021).
        String unitary2023 = Fixtures.freeDistrict(Set.of("E06000063", "E06000064", "E06000065", "E06000066")::contains);
        String northamptonshire = Fixtures.freeDistrict("E06000062"::equals);
        jsonWithToken(Fixtures.ADMIN).body(body(Fixtures.uniqueId("unitary"), "Unitary CSP", unitary2023))
                .when().post("/api/v1/partnerships").then().statusCode(201).body("districts.code", contains(unitary2023));
        jsonWithToken(Fixtures.ADMIN).body(body(Fixtures.uniqueId("northants"), "Northamptonshire CSP", northamptonshire))
                .when().post("/api/v1/partnerships").then().statusCode(201);
    }

    @Test
    void anAbolishedDistrictIsRefusedForANewPartnershipNamingItsSuccessor() {
        jsonWithToken(Fixtures.ADMIN).body(body(Fixtures.uniqueId("forest-heath"), "Forest Heath CSP", "E07000201"))
                .when().post("/api/v1/partnerships")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("E07000201 (Forest Heath) was abolished on 2019-04-01"))
                .body("detail", containsString("E07000245 (West Suffolk)"));
        // With a standing district beside it, the whole registration is refused.
        String standing = Fixtures.freeDistrict();
        jsonWithToken(Fixtures.ADMIN).body(body(Fixtures.uniqueId("allerdale"), "Allerdale CSP", standing, "E07000026"))
                .when().post("/api/v1/partnerships")
                .then().statusCode(400).body("detail", containsString("E06000063 (Cumberland)"));
        withToken(Fixtures.VIEWER).queryParam("district", standing).when().get("/api/v1/partnerships")
                .then().statusCode(200).body("id", hasSize(0));
    }

    @Test
    void aPartnershipRegisteredBeforeItsCouncilWasReorganisedKeepsItsDistrictButTakesNoOtherAbolishedOne()
            throws SQLException {
        String id = Fixtures.uniqueId("kettering");
        // North Northamptonshire holds Kettering's area now: no other test may register it.
        Fixtures.freeDistrict("E06000061"::equals);
        // Registered while Kettering stood, as the database holds it.
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("insert into partnership (id, name) values ('" + id + "', 'Kettering CSP')");
            statement.execute("insert into partnership_district (partnership_id, position, district_code) "
                    + "values ('" + id + "', 0, 'E07000153')");
        }
        String etag = withToken(Fixtures.VIEWER).when().get("/api/v1/partnerships/" + id)
                .then().statusCode(200).body("districts[0].name", equalTo("Kettering")).extract().header("ETag");
        String renamed = jsonWithToken(Fixtures.ADMIN).body(body(id, "Safer Kettering", "E07000153"))
                .header("If-Match", etag).when().put("/api/v1/partnerships/" + id)
                .then().statusCode(200).body("name", equalTo("Safer Kettering")).extract().header("ETag");
        jsonWithToken(Fixtures.ADMIN).body(body(id, "Safer Kettering and Corby", "E07000153", "E07000150"))
                .header("If-Match", renamed).when().put("/api/v1/partnerships/" + id)
                .then().statusCode(400).body("detail", containsString("E07000150 (Corby)"))
                .body("detail", containsString("E06000061 (North Northamptonshire)"));
    }

    /** Registered before April 2023 as one of Cumbria's or Somerset's districts, a partnership holds that area still. */
    @Test
    void aNewUnitaryIsRefusedWhileAnotherPartnershipHoldsItsAreaUnderAnAbolishedCode() throws SQLException {
        Map<String, String> predecessor = Map.of("E06000063", "E07000026", "E06000064", "E07000027",
                "E06000065", "E07000163", "E06000066", "E07000187");
        String unitary = Fixtures.freeDistrict(predecessor::containsKey);
        String old = Fixtures.uniqueId("old");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("insert into partnership (id, name) values ('" + old + "', 'Old district CSP')");
            statement.execute("insert into partnership_district (partnership_id, position, district_code) "
                    + "values ('" + old + "', 0, '" + predecessor.get(unitary) + "')");
        }
        jsonWithToken(Fixtures.ADMIN).body(body(Fixtures.uniqueId("unitary"), "Unitary CSP", unitary))
                .when().post("/api/v1/partnerships")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("already covered by partnership " + old + ", which holds its area as "
                        + predecessor.get(unitary)));
    }

    @Test
    void onlyAdminsRegisterAndOnlyItsOwnOfficersChangeAPartnership() {
        String id = Fixtures.partnership();
        jsonWithToken(Fixtures.officerOf(id))
                .body(body(Fixtures.uniqueId("mine"), "Mine", Fixtures.freeDistrict()))
                .when().post("/api/v1/partnerships").then().statusCode(403);

        String district = Fixtures.freeDistrict();
        String etag = withToken(Fixtures.VIEWER).when().get("/api/v1/partnerships/" + id)
                .then().statusCode(200).extract().header("ETag");
        jsonWithToken(Fixtures.officerOf("another"))
                .body(body(id, "Renamed", district)).header("If-Match", etag)
                .when().put("/api/v1/partnerships/" + id).then().statusCode(403);
        jsonWithToken(Fixtures.officerOf(id))
                .body(body(id, "Renamed", district)).header("If-Match", etag)
                .when().put("/api/v1/partnerships/" + id)
                .then().statusCode(200).body("name", equalTo("Renamed")).body("districts", hasSize(1));
        jsonWithToken(Fixtures.officerOf(id))
                .body(body(id, "Stale", district)).header("If-Match", etag)
                .when().put("/api/v1/partnerships/" + id).then().statusCode(412);

        TestKafka.awaitRecords(Topics.PARTNERSHIP_EVENTS, r -> id.equals(TestKafka.header(r, "ce_subject"))
                && "partnership.updated.v1".equals(TestKafka.header(r, "ce_type")), Duration.ofSeconds(20));
    }

    @Test
    void anUnknownPartnershipIsNotFound() {
        withToken(Fixtures.ADMIN).when().get("/api/v1/partnerships/no-such-csp")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
