package org.saferpartnerships.partnership.governance;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import org.saferpartnerships.partnership.Fixtures;
import org.saferpartnerships.platform.events.Topics;
import org.saferpartnerships.testing.kafka.TestKafka;

@QuarkusTest
class GovernanceResourceTest {

    @Inject
    AgroalDataSource dataSource;

    /** Sets up a governance body of the partnership; returns its id. */
    private static String governanceBody(String token, String partnership, String body) {
        return jsonWithToken(token).body(body)
                .when().post("/api/v1/partnerships/" + partnership + "/bodies").then().statusCode(201).extract().path("id");
    }

    @Test
    void aMeetingOfTheRagRecordsAttendanceAndDecisions() {
        String csp = Fixtures.partnership();
        String officer = Fixtures.officerOf(csp);
        String police = Fixtures.agency("police");
        String council = Fixtures.agency("district-council");
        String rag = jsonWithToken(officer)
                .body("{\"name\": \"Responsible Authorities Group\", \"kind\": \"responsible-authorities-group\", \"cadence\": \"quarterly\"}")
                .when().post("/api/v1/partnerships/" + csp + "/bodies")
                .then().statusCode(201).body("kind", equalTo("responsible-authorities-group")).extract().path("id");

        String meeting = jsonWithToken(officer).body("""
                {"bodyId": "%s", "heldOn": "2021-03-18", "attendingAgencies": ["%s", "%s"],
                 "decisions": [{"kind": "priorities-adopted", "text": "Priorities for 2021/22 adopted",
                                "references": [{"type": "priority", "id": "p-1"}]}]}""".formatted(rag, police, council))
                .when().post("/api/v1/partnerships/" + csp + "/meetings")
                .then().statusCode(201).extract().path("id");

        withToken(Fixtures.VIEWER).when().get("/api/v1/partnerships/" + csp + "/meetings/" + meeting)
                .then().statusCode(200)
                .body("attendingAgencies", contains(police, council))
                .body("decisions[0].kind", equalTo("priorities-adopted"))
                .body("decisions[0].references[0].id", equalTo("p-1"));

        ConsumerRecord<String, String> event = TestKafka.awaitRecords(Topics.PARTNERSHIP_EVENTS,
                r -> meeting.equals(TestKafka.header(r, "ce_subject")), Duration.ofSeconds(20)).get(0);
        assertThat(TestKafka.header(event, "ce_type"), equalTo("meeting.recorded.v1"));
        JsonPath data = JsonPath.from(event.value());
        assertThat(data.getString("bodyId"), equalTo(rag));
        assertThat(data.getString("decisions[0].kind"), equalTo("priorities-adopted"));
    }

    @Test
    void aMeetingSentAgainWithItsIdempotencyKeyIsRecordedOnceAndAnsweredAsBefore() {
        String csp = Fixtures.partnership();
        String officer = Fixtures.officerOf(csp);
        String body = governanceBody(officer, csp, "{\"name\": \"JAG\", \"kind\": \"joint-action-group\"}");
        String meeting = "{\"bodyId\": \"" + body + "\", \"heldOn\": \"2021-03-18\"}";
        String key = UUID.randomUUID().toString();

        Response first = jsonWithToken(officer)
                .header("Idempotency-Key", key).body(meeting)
                .when().post("/api/v1/partnerships/" + csp + "/meetings")
                .then().statusCode(201).header("Idempotent-Replayed", nullValue()).extract().response();
        jsonWithToken(officer).header("Idempotency-Key", key).body(meeting)
                .when().post("/api/v1/partnerships/" + csp + "/meetings")
                .then().statusCode(201).header("Idempotent-Replayed", equalTo("true"))
                .header("Location", equalTo(first.header("Location")))
                .body("id", equalTo(first.path("id")));
        withToken(Fixtures.VIEWER).when().get("/api/v1/partnerships/" + csp + "/meetings")
                .then().statusCode(200).body("id", contains((Object) first.path("id")));

        jsonWithToken(officer).header("Idempotency-Key", key)
                .body(meeting.replace("2021-03-18", "2021-06-17"))
                .when().post("/api/v1/partnerships/" + csp + "/meetings")
                .then().statusCode(422).contentType("application/problem+json");
        // Another caller's key is its own: the same key creates that caller's own meeting.
        jsonWithToken(Fixtures.ADMIN).header("Idempotency-Key", key).body(meeting)
                .when().post("/api/v1/partnerships/" + csp + "/meetings")
                .then().statusCode(201).header("Idempotent-Replayed", nullValue());
    }

    @Test
    void aRetryWhileTheFirstRequestIsStillBeingHandledIsToldSo() throws Exception {
        String csp = Fixtures.partnership();
        String officer = Fixtures.officerOf(csp);
        String meeting = "{\"bodyId\": \"any\", \"heldOn\": \"2021-03-18\"}";
        String key = UUID.randomUUID().toString();
        // The first request's claim, as it stands while that request runs: no answer yet.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement claim = connection.prepareStatement("""
                        insert into idempotency_key (caller, key, claim_token, request, fingerprint, claimed_at)
                        values (?, ?, ?, ?, ?, now())""")) {
            claim.setString(1, "officer-" + csp);
            claim.setString(2, key);
            claim.setObject(3, UUID.randomUUID());
            claim.setString(4, "POST /api/v1/partnerships/" + csp + "/meetings");
            claim.setString(5, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(meeting.getBytes(StandardCharsets.UTF_8))));
            claim.executeUpdate();
        }
        jsonWithToken(officer).header("Idempotency-Key", key).body(meeting)
                .when().post("/api/v1/partnerships/" + csp + "/meetings")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("still being handled"));
    }

    @Test
    void aRequestThatFailedKeepsNoAnswerForItsKey() {
        String csp = Fixtures.partnership();
        String officer = Fixtures.officerOf(csp);
        String key = UUID.randomUUID().toString();
        jsonWithToken(officer).header("Idempotency-Key", key)
                .body("{\"name\": \"Hub\", \"kind\": \"no-such-kind\"}")
                .when().post("/api/v1/partnerships/" + csp + "/bodies").then().statusCode(400);
        jsonWithToken(officer).header("Idempotency-Key", key)
                .body("{\"name\": \"Hub\", \"kind\": \"community-safety-hub\"}")
                .when().post("/api/v1/partnerships/" + csp + "/bodies").then().statusCode(201)
                .header("Idempotent-Replayed", nullValue());
    }

    @Test
    void meetingsComeInPagesWithLinksToTheNext() {
        String csp = Fixtures.partnership();
        String officer = Fixtures.officerOf(csp);
        String body = governanceBody(officer, csp,
                "{\"name\": \"Hub\", \"kind\": \"community-safety-hub\", \"cadence\": \"weekly\"}");
        for (String day : List.of("2021-03-04", "2021-03-11", "2021-03-18")) {
            jsonWithToken(officer)
                    .body("{\"bodyId\": \"" + body + "\", \"heldOn\": \"" + day + "\"}")
                    .when().post("/api/v1/partnerships/" + csp + "/meetings").then().statusCode(201);
        }
        String meetings = "/api/v1/partnerships/" + csp + "/meetings";
        String link = withToken(Fixtures.VIEWER).queryParam("limit", 2).when().get(meetings)
                .then().statusCode(200).header("X-Total-Count", "3")
                .body("heldOn", contains("2021-03-18", "2021-03-11"))
                .extract().header("Link");
        assertThat(link, containsString("rel=\"next\""));
        String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        withToken(Fixtures.VIEWER).when().get(next)
                .then().statusCode(200).body("heldOn", contains("2021-03-04"))
                .header("Link", allOf(containsString("rel=\"prev\""), not(containsString("rel=\"next\""))));

        withToken(Fixtures.VIEWER).queryParam("limit", 501).when().get(meetings)
                .then().statusCode(400).body("violations.field", hasItem(containsString("limit")));
        withToken(Fixtures.VIEWER).queryParam("offset", -1).when().get(meetings)
                .then().statusCode(400);
    }

    @Test
    void aChangeTooLargeToPublishIsRefusedAndNothingIsStored() {
        String csp = Fixtures.partnership();
        String officer = Fixtures.officerOf(csp);
        String body = governanceBody(officer, csp, "{\"name\": \"RAG\", \"kind\": \"responsible-authorities-group\"}");
        String reference = "{\"type\": \"priority\", \"id\": \"" + "r".repeat(80) + "\"}";
        String decision = "{\"kind\": \"other\", \"text\": \"" + "d".repeat(2000) + "\", \"references\": ["
                + String.join(",", java.util.Collections.nCopies(50, reference)) + "]}";
        jsonWithToken(officer)
                .body("{\"bodyId\": \"" + body + "\", \"heldOn\": \"2021-03-18\", \"decisions\": ["
                        + String.join(",", java.util.Collections.nCopies(100, decision)) + "]}")
                .when().post("/api/v1/partnerships/" + csp + "/meetings")
                .then().statusCode(413).contentType("application/problem+json");
        withToken(officer).when().get("/api/v1/partnerships/" + csp + "/meetings")
                .then().statusCode(200).body("$", org.hamcrest.Matchers.empty());
    }

    @Test
    void aMeetingNeedsABodyOfThisPartnershipAndKnownAgencies() {
        String csp = Fixtures.partnership();
        String other = Fixtures.partnership();
        String otherBody = jsonWithToken(Fixtures.officerOf(other))
                .body("{\"name\": \"JAG\", \"kind\": \"joint-action-group\"}")
                .when().post("/api/v1/partnerships/" + other + "/bodies").then().statusCode(201).extract().path("id");
        jsonWithToken(Fixtures.officerOf(csp))
                .body("{\"bodyId\": \"" + otherBody + "\", \"heldOn\": \"2021-03-18\"}")
                .when().post("/api/v1/partnerships/" + csp + "/meetings")
                .then().statusCode(400).body("detail", containsString("bodyId"));

        String body = jsonWithToken(Fixtures.officerOf(csp))
                .body("{\"name\": \"Hub\", \"kind\": \"community-safety-hub\", \"cadence\": \"weekly\"}")
                .when().post("/api/v1/partnerships/" + csp + "/bodies").then().statusCode(201).extract().path("id");
        jsonWithToken(Fixtures.officerOf(csp))
                .body("{\"bodyId\": \"" + body + "\", \"heldOn\": \"2021-03-18\", \"attendingAgencies\": [\"ghost-agency\"]}")
                .when().post("/api/v1/partnerships/" + csp + "/meetings")
                .then().statusCode(400).body("detail", containsString("attendingAgencies"));
        jsonWithToken(Fixtures.officerOf(other))
                .body("{\"bodyId\": \"" + body + "\", \"heldOn\": \"2021-03-18\"}")
                .when().post("/api/v1/partnerships/" + csp + "/meetings").then().statusCode(403);
    }
}
