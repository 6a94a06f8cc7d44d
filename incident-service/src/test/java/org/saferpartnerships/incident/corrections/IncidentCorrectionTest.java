package org.saferpartnerships.incident.corrections;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.saferpartnerships.incident.Directory;
import org.saferpartnerships.platform.events.Topics;
import org.saferpartnerships.testing.identity.TestTokens;
import org.saferpartnerships.testing.kafka.TestKafka;

@QuarkusTest
class IncidentCorrectionTest {

    @Inject
    AgroalDataSource dataSource;

    private String partnership;
    private String police;
    private String id;

    @BeforeEach
    void anIncidentOfThePolice() {
        String[] created = Directory.partnership(dataSource);
        partnership = created[0];
        Directory.member(dataSource, "essex-police", partnership, "2019-04-01", null);
        police = TestTokens.agencySubmitter("essex-police", partnership);
        id = jsonWithToken(police).body("""
                {"externalRef": "EP-%s", "category": "burglary", "occurredOn": "2024-05-18", "districtCode": "%s",
                 "locationDescription": "On or near Banham Drive"}""".formatted(UUID.randomUUID(), created[1]))
                .when().post("/api/v1/incidents").then().statusCode(201).extract().path("id");
    }

    @Test
    void aCorrectionChangesOnlyWhatThePatchNamesAndAnnouncesBeforeAndAfter() {
        withToken(police).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"category\": \"robbery\", \"locationDescription\": null}")
                .when().patch("/api/v1/incidents/" + id)
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("category", equalTo("robbery"))
                .body("occurredOn", equalTo("2024-05-18"))
                .body("locationDescription", equalTo(null));

        ConsumerRecord<String, String> event = TestKafka.awaitRecords(Topics.INCIDENT_EVENTS,
                r -> id.equals(TestKafka.header(r, "ce_subject"))
                        && "incident.corrected.v1".equals(TestKafka.header(r, "ce_type")), Duration.ofSeconds(20)).get(0);
        JsonPath data = JsonPath.from(event.value());
        assertThat(data.getString("previous.category"), equalTo("burglary"));
        assertThat(data.getString("incident.category"), equalTo("robbery"));
        assertThat(event.key(), equalTo(partnership));
    }

    @Test
    void aStaleOrMissingETagChangesNothing() {
        jsonWithToken(police).body("{\"category\": \"robbery\"}")
                .when().patch("/api/v1/incidents/" + id).then().statusCode(428);
        jsonWithToken(police).header("If-Match", "\"7\"")
                .body("{\"category\": \"robbery\"}")
                .when().patch("/api/v1/incidents/" + id).then().statusCode(412);
        withToken(police).when().get("/api/v1/incidents/" + id)
                .then().statusCode(200).body("category", equalTo("burglary"));
    }

    @Test
    void aCorrectionIsValidatedLikeAPosting() {
        jsonWithToken(police).header("If-Match", "\"0\"")
                .body("{\"occurredMonth\": \"2024-05\"}")
                .when().patch("/api/v1/incidents/" + id)
                .then().statusCode(400).contentType("application/problem+json");
        jsonWithToken(police).header("If-Match", "\"0\"")
                .body("{\"externalRef\": \"OTHER\"}")
                .when().patch("/api/v1/incidents/" + id)
                .then().statusCode(400).body("detail", containsString("externalRef"));
        jsonWithToken(police).header("If-Match", "\"0\"")
                .body("{\"victimName\": \"Jane\"}")
                .when().patch("/api/v1/incidents/" + id)
                .then().statusCode(400);
    }

    @Test
    void anotherAgencyCanNeitherCorrectNorWithdrawIt() {
        String fire = TestTokens.agencySubmitter("essex-fire", partnership);
        jsonWithToken(fire).header("If-Match", "\"0\"")
                .body("{\"category\": \"robbery\"}")
                .when().patch("/api/v1/incidents/" + id).then().statusCode(404);
        jsonWithToken(fire).header("If-Match", "\"0\"")
                .body("{\"reason\": \"not ours\"}")
                .when().post("/api/v1/incidents/" + id + "/withdrawal").then().statusCode(404);
    }

    @Test
    void aWithdrawnIncidentStaysReadableButLeavesCountsAndCannotBeCorrected() {
        jsonWithToken(police).header("If-Match", "\"0\"")
                .body("{\"reason\": \"Recorded twice\"}")
                .when().post("/api/v1/incidents/" + id + "/withdrawal")
                .then().statusCode(200).body("withdrawnAt", notNullValue())
                .body("withdrawalReason", equalTo("Recorded twice"));
        TestKafka.awaitRecords(Topics.INCIDENT_EVENTS, r -> id.equals(TestKafka.header(r, "ce_subject"))
                && "incident.withdrawn.v1".equals(TestKafka.header(r, "ce_type")), Duration.ofSeconds(20));
        jsonWithToken(police).header("If-Match", "\"1\"")
                .body("{\"category\": \"robbery\"}")
                .when().patch("/api/v1/incidents/" + id).then().statusCode(409);
    }
}
