package org.saferpartnerships.reporting.directory;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.saferpartnerships.platform.events.Topics;
import org.saferpartnerships.reporting.counts.IncidentEvents.Incident;
import org.saferpartnerships.reporting.counts.IncidentEvents;
import org.saferpartnerships.testing.identity.TestTokens;
import org.saferpartnerships.testing.kafka.TestKafka;

/** Names and priorities from partnership events label feeds and dashboards. */
@QuarkusTest
class PartnershipDirectoryTest {

    private static void partnershipEvent(String type, String key, String data) {
        TestKafka.send(Topics.PARTNERSHIP_EVENTS, key, data, Map.of("ce_specversion", "1.0",
                "ce_id", UUID.randomUUID().toString(), "ce_type", type, "ce_source", "/partnership-service",
                "ce_time", "2024-06-01T09:00:00Z", "content-type", "application/json"));
    }

    @Test
    void feedsAndDashboardsCarryThePartnershipsNameAndItsPriorities() {
        String p = "p-" + UUID.randomUUID();
        partnershipEvent("partnership.registered.v1", p, """
                {"partnershipId": "%s", "name": "Old name", "districts": ["E07000074"], "version": 0}""".formatted(p));
        partnershipEvent("partnership.updated.v1", p, """
                {"partnershipId": "%s", "name": "Maldon Community Safety Partnership", "districts": ["E07000074"],
                 "version": 1}""".formatted(p));
        partnershipEvent("priority.adopted.v1", p, """
                {"priorityId": "%s", "partnershipId": "%s", "financialYear": 2017, "title": "Domestic abuse",
                 "theme": "domestic-abuse", "status": "adopted", "version": 1}""".formatted(UUID.randomUUID(), p));
        IncidentEvents.recorded(Incident.of(p, "drugs", "2017-06", "E07000074"));
        String analyst = TestTokens.analyst(p);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(analyst).queryParam("asOf", "2017-09")
                .get("/api/v1/partnerships/" + p + "/dashboard").then().extract().path("priorities.title"),
                contains("Domestic abuse"));

        given().auth().oauth2(analyst).queryParam("asOf", "2017-09").when().get("/api/v1/partnerships/" + p + "/dashboard")
                .then().statusCode(200).body("name", equalTo("Maldon Community Safety Partnership"));
        given().auth().oauth2(analyst).queryParam("partnership", p).queryParam("from", "2017-06").queryParam("to", "2017-06")
                .when().get("/api/v1/feeds/incident-counts")
                .then().statusCode(200).body("partnerships[0].name", equalTo("Maldon Community Safety Partnership"));
    }
}
