package org.saferpartnerships.partnership.members;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.saferpartnerships.partnership.Fixtures;
import org.saferpartnerships.platform.events.Topics;
import org.saferpartnerships.testing.kafka.TestKafka;

@QuarkusTest
class MembershipResourceTest {

    private static String membership(String agency, String role, String from, String until) {
        return """
                {"agencyId": "%s", "role": "%s", "from": "%s"%s}"""
                .formatted(agency, role, from, until == null ? "" : ", \"until\": \"" + until + "\"");
    }

    @Test
    void membersJoinAndLeaveAndHistoryAnswersWhoWasAMemberOnADate() {
        String csp = Fixtures.partnership();
        String officer = Fixtures.officerOf(csp);
        String police = Fixtures.agency("police");
        String charity = Fixtures.agency("voluntary-sector");

        jsonWithToken(officer).body(membership(police, "chair", "2019-04-01", null))
                .when().post("/api/v1/partnerships/" + csp + "/members")
                .then().statusCode(201).body("statutory", equalTo(true)).body("agency.id", equalTo(police));
        String location = jsonWithToken(officer)
                .body(membership(charity, "member", "2019-04-01", null))
                .when().post("/api/v1/partnerships/" + csp + "/members")
                .then().statusCode(201).body("statutory", equalTo(false)).extract().header("Location");

        String etag = withToken(officer).when().get(location).then().statusCode(200).extract().header("ETag");
        jsonWithToken(officer)
                .body(membership(charity, "member", "2019-04-01", "2021-03-31")).header("If-Match", etag)
                .when().put(location).then().statusCode(200).body("until", equalTo("2021-03-31"));

        withToken(Fixtures.VIEWER).queryParam("on", "2020-09-15")
                .when().get("/api/v1/partnerships/" + csp + "/members")
                .then().statusCode(200).body("agency.id", containsInAnyOrder(police, charity));
        withToken(Fixtures.VIEWER).queryParam("on", "2022-01-10")
                .when().get("/api/v1/partnerships/" + csp + "/members")
                .then().statusCode(200).body("agency.id", contains(police));
        withToken(Fixtures.VIEWER).when().get("/api/v1/partnerships/" + csp + "/members")
                .then().statusCode(200).body("agency.id", containsInAnyOrder(police, charity));
        withToken(Fixtures.VIEWER).queryParam("on", "2018-01-01")
                .when().get("/api/v1/partnerships/" + csp + "/members")
                .then().statusCode(200).body("$", empty());

        ConsumerRecord<String, String> left = TestKafka.awaitRecords(Topics.PARTNERSHIP_EVENTS,
                r -> "membership.changed.v1".equals(TestKafka.header(r, "ce_type")) && r.value().contains(charity)
                        && r.value().contains("2021-03-31"), Duration.ofSeconds(20)).get(0);
        assertThat(left.key(), equalTo(csp));
        JsonPath data = JsonPath.from(left.value());
        assertThat(data.getString("partnershipId"), equalTo(csp));
        assertThat(data.getString("role"), equalTo("member"));
        assertThat(data.getString("from"), equalTo("2019-04-01"));
    }

    @Test
    void anAgencyIsNotAMemberTwiceAtOnce() {
        String csp = Fixtures.partnership();
        String officer = Fixtures.officerOf(csp);
        String council = Fixtures.agency("district-council");
        jsonWithToken(officer).body(membership(council, "member", "2019-04-01", "2020-03-31"))
                .when().post("/api/v1/partnerships/" + csp + "/members").then().statusCode(201);
        jsonWithToken(officer).body(membership(council, "chair", "2020-01-01", null))
                .when().post("/api/v1/partnerships/" + csp + "/members").then().statusCode(409);
        jsonWithToken(officer).body(membership(council, "chair", "2020-04-01", null))
                .when().post("/api/v1/partnerships/" + csp + "/members").then().statusCode(201);
    }

    @Test
    void badMembershipsAreRefusedWithReasons() {
        String csp = Fixtures.partnership();
        String officer = Fixtures.officerOf(csp);
        jsonWithToken(officer)
                .body(membership("no-such-agency", "member", "2019-04-01", null))
                .when().post("/api/v1/partnerships/" + csp + "/members")
                .then().statusCode(400).body("detail", containsString("no-such-agency"));
        jsonWithToken(officer)
                .body(membership(Fixtures.agency("police"), "member", "2019-04-01", "2018-04-01"))
                .when().post("/api/v1/partnerships/" + csp + "/members")
                .then().statusCode(400).body("violations.field", hasItem("periodInOrder"));
        jsonWithToken(officer)
                .body("{\"agencyId\": \"x\", \"role\": \"president\", \"from\": \"2019-04-01\"}")
                .when().post("/api/v1/partnerships/" + csp + "/members")
                .then().statusCode(400).body("field", equalTo("role"));
    }

    @Test
    void onlyThePartnershipsOwnOfficersChangeItsMembers() {
        String csp = Fixtures.partnership();
        String police = Fixtures.agency("police");
        jsonWithToken(Fixtures.officerOf("another-csp"))
                .body(membership(police, "member", "2019-04-01", null))
                .when().post("/api/v1/partnerships/" + csp + "/members").then().statusCode(403);
        jsonWithToken(Fixtures.VIEWER)
                .body(membership(police, "member", "2019-04-01", null))
                .when().post("/api/v1/partnerships/" + csp + "/members").then().statusCode(403);
        jsonWithToken(Fixtures.ADMIN)
                .body(membership(police, "member", "2019-04-01", null))
                .when().post("/api/v1/partnerships/no-such-csp/members").then().statusCode(404);
    }
}
