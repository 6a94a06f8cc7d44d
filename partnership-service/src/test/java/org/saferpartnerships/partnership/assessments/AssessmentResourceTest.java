package org.saferpartnerships.partnership.assessments;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
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
class AssessmentResourceTest {

    private static final String ASSESSMENT = Fixtures.ASSESSMENT_2020;

    @Test
    void candidateIssuesAreRankedByWeightedScore() {
        String csp = Fixtures.partnership();
        jsonWithToken(Fixtures.officerOf(csp)).body(ASSESSMENT)
                .when().post("/api/v1/partnerships/" + csp + "/assessments")
                .then().statusCode(201)
                .body("status", equalTo("draft"))
                .body("ranking.title", contains("Domestic abuse", "Anti-social behaviour", "Shoplifting"))
                .body("ranking.score", contains(23, 16, 16))
                .body("ranking.rank", contains(1, 2, 2))
                .body("ranking[0].maximum", equalTo(25));
    }

    @Test
    void theDefaultMatrixIsUsedWhenNoneIsGiven() {
        String csp = Fixtures.partnership();
        jsonWithToken(Fixtures.officerOf(csp))
                .body("{\"periodStart\": \"2021-10-01\", \"periodEnd\": \"2022-09-30\"}")
                .when().post("/api/v1/partnerships/" + csp + "/assessments")
                .then().statusCode(201)
                .body("criteria.name", contains("harm", "volume", "trend", "public concern", "vulnerability"));
    }

    @Test
    void theAssessmentYearRunsFromOctoberToSeptember() {
        String csp = Fixtures.partnership();
        jsonWithToken(Fixtures.officerOf(csp))
                .body("{\"periodStart\": \"2021-04-01\", \"periodEnd\": \"2022-03-31\"}")
                .when().post("/api/v1/partnerships/" + csp + "/assessments")
                .then().statusCode(400).body("violations.field", hasItem("assessmentYear"));
    }

    @Test
    void everyIssueIsScoredOnEveryCriterionFromOneToFive() {
        String csp = Fixtures.partnership();
        jsonWithToken(Fixtures.officerOf(csp)).body("""
                {"periodStart": "2020-10-01", "periodEnd": "2021-09-30", "criteria": [{"name": "harm", "weight": 3}],
                 "issues": [{"title": "Drugs", "scores": {"volume": 3}}]}""")
                .when().post("/api/v1/partnerships/" + csp + "/assessments")
                .then().statusCode(400).body("detail", containsString("issues[0].scores"));
        jsonWithToken(Fixtures.officerOf(csp)).body("""
                {"periodStart": "2020-10-01", "periodEnd": "2021-09-30", "criteria": [{"name": "harm", "weight": 3}],
                 "issues": [{"title": "Drugs", "scores": {"harm": 9}}]}""")
                .when().post("/api/v1/partnerships/" + csp + "/assessments")
                .then().statusCode(400);
    }

    @Test
    void aFinalisedAssessmentIsReadOnlyAndAnnouncedWithItsRanking() {
        String csp = Fixtures.partnership();
        String officer = Fixtures.officerOf(csp);
        String location = jsonWithToken(officer).body(ASSESSMENT)
                .when().post("/api/v1/partnerships/" + csp + "/assessments")
                .then().statusCode(201).extract().header("Location");
        withToken(officer).header("If-Match", "\"0\"").when().post(location + "/finalisation")
                .then().statusCode(200).body("status", equalTo("finalised"));
        jsonWithToken(officer).body(ASSESSMENT).header("If-Match", "\"1\"")
                .when().put(location).then().statusCode(409);
        withToken(officer).header("If-Match", "\"1\"").when().post(location + "/finalisation")
                .then().statusCode(409);

        String id = location.substring(location.lastIndexOf('/') + 1);
        ConsumerRecord<String, String> event = TestKafka.awaitRecords(Topics.PARTNERSHIP_EVENTS,
                r -> id.equals(TestKafka.header(r, "ce_subject"))
                        && "assessment.finalised.v1".equals(TestKafka.header(r, "ce_type")), Duration.ofSeconds(20))
                .get(0);
        assertThat(JsonPath.from(event.value()).getString("ranking[0].title"), equalTo("Domestic abuse"));
    }

    @Test
    void oneAssessmentPerYear() {
        String csp = Fixtures.partnership();
        jsonWithToken(Fixtures.officerOf(csp)).body(ASSESSMENT)
                .when().post("/api/v1/partnerships/" + csp + "/assessments").then().statusCode(201);
        jsonWithToken(Fixtures.officerOf(csp)).body(ASSESSMENT)
                .when().post("/api/v1/partnerships/" + csp + "/assessments").then().statusCode(409);
    }
}
