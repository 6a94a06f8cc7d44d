package org.saferpartnerships.partnership.risks;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
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
class RiskResourceTest {

    private static String risk(String reference, int likelihood, int impact) {
        return """
                {"reference": "%s", "description": "Lack of resource to fulfil the strategic plan",
                 "likelihood": %d, "impact": %d, "mitigation": "Council partners' duty"}"""
                .formatted(reference, likelihood, impact);
    }

    @Test
    void aRiskGetsItsScoreAndRatingAndSitsInItsMatrixCell() {
        String csp = Fixtures.partnership();
        String officer = Fixtures.officerOf(csp);
        String low = jsonWithToken(officer).body(risk("1", 3, 2))
                .when().post("/api/v1/partnerships/" + csp + "/risks")
                .then().statusCode(201)
                .body("score", equalTo(6)).body("rating", equalTo("low"))
                .body("likelihoodLabel", equalTo("low")).body("impactLabel", equalTo("marginal"))
                .extract().path("id");
        jsonWithToken(officer).body(risk("2", 5, 4))
                .when().post("/api/v1/partnerships/" + csp + "/risks")
                .then().statusCode(201).body("score", equalTo(20)).body("rating", equalTo("high"));

        JsonPath matrix = withToken(Fixtures.VIEWER).when()
                .get("/api/v1/partnerships/" + csp + "/risks/matrix").then().statusCode(200).extract().jsonPath();
        assertThat(matrix.getList("rows.likelihood"), contains(6, 5, 4, 3, 2, 1));
        // Row for likelihood 3 is the fourth from the top; impact 2 is its second cell.
        assertThat(matrix.getList("rows[3].cells[1].riskIds"), contains(low));
        assertThat(matrix.getString("rows[3].cells[1].rating"), equalTo("low"));
        assertThat(matrix.getInt("rows[1].cells[3].score"), equalTo(20));
        assertThat(matrix.getList("rows[5].cells[0].riskIds"), empty());

        ConsumerRecord<String, String> event = TestKafka.awaitRecords(Topics.PARTNERSHIP_EVENTS,
                r -> low.equals(TestKafka.header(r, "ce_subject")), Duration.ofSeconds(20)).get(0);
        assertThat(TestKafka.header(event, "ce_type"), equalTo("risk.recorded.v1"));
        assertThat(JsonPath.from(event.value()).getString("rating"), equalTo("low"));
    }

    @Test
    void reassessingMovesTheRiskAndClosingTakesItOffTheMatrix() {
        String csp = Fixtures.partnership();
        String officer = Fixtures.officerOf(csp);
        String id = jsonWithToken(officer).body(risk("1", 2, 2))
                .when().post("/api/v1/partnerships/" + csp + "/risks").then().statusCode(201).extract().path("id");
        jsonWithToken(officer).header("If-Match", "\"0\"")
                .body("{\"reference\": \"1\", \"description\": \"d\", \"likelihood\": 4, \"impact\": 3}")
                .when().put("/api/v1/partnerships/" + csp + "/risks/" + id)
                .then().statusCode(200).body("score", equalTo(12)).body("rating", equalTo("medium"));
        jsonWithToken(officer).header("If-Match", "\"1\"")
                .body("{\"reference\": \"1\", \"description\": \"d\", \"likelihood\": 4, \"impact\": 3, \"closed\": true}")
                .when().put("/api/v1/partnerships/" + csp + "/risks/" + id).then().statusCode(200);
        withToken(officer).when().get("/api/v1/partnerships/" + csp + "/risks")
                .then().statusCode(200).body("$", empty());
        withToken(officer).queryParam("closed", true).when().get("/api/v1/partnerships/" + csp + "/risks")
                .then().statusCode(200).body("id", contains(id));
    }

    @Test
    void scoresOutsideTheScaleAreRefused() {
        String csp = Fixtures.partnership();
        jsonWithToken(Fixtures.officerOf(csp)).body(risk("1", 7, 0))
                .when().post("/api/v1/partnerships/" + csp + "/risks")
                .then().statusCode(400)
                .body("violations.field", hasItem("likelihood")).body("violations.field", hasItem("impact"));
    }
}
