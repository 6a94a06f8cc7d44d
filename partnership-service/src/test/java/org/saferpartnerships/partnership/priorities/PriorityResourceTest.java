package org.saferpartnerships.partnership.priorities;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
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
class PriorityResourceTest {

    static String priority(int year, String title, String theme) {
        return """
                {"financialYear": %d, "title": "%s", "theme": "%s"}""".formatted(year, title, theme);
    }

    static String rag(String csp) {
        return jsonWithToken(Fixtures.officerOf(csp))
                .body("{\"name\": \"RAG\", \"kind\": \"responsible-authorities-group\"}")
                .when().post("/api/v1/partnerships/" + csp + "/bodies").then().statusCode(201).extract().path("id");
    }

    @Test
    void prioritiesAreListedByFinancialYear() {
        String csp = Fixtures.partnership();
        String officer = Fixtures.officerOf(csp);
        jsonWithToken(officer).body(priority(2020, "Drugs and county lines", "drugs-county-lines"))
                .when().post("/api/v1/partnerships/" + csp + "/priorities").then().statusCode(201);
        jsonWithToken(officer).body(priority(2021, "Domestic abuse", "domestic-abuse"))
                .when().post("/api/v1/partnerships/" + csp + "/priorities").then().statusCode(201);
        withToken(Fixtures.VIEWER).queryParam("year", 2021)
                .when().get("/api/v1/partnerships/" + csp + "/priorities")
                .then().statusCode(200).body("title", contains("Domestic abuse"));
        withToken(Fixtures.VIEWER).when().get("/api/v1/partnerships/" + csp + "/priorities")
                .then().statusCode(200).body("financialYear", contains(2020, 2021));
    }

    @Test
    void aBodyAdoptsAPriorityWhichIsThenReadOnly() {
        String csp = Fixtures.partnership();
        String officer = Fixtures.officerOf(csp);
        String body = rag(csp);
        String location = jsonWithToken(officer)
                .body(priority(2021, "Violence and knife crime", "violence-knife-crime"))
                .when().post("/api/v1/partnerships/" + csp + "/priorities")
                .then().statusCode(201).body("status", equalTo("draft")).extract().header("Location");
        jsonWithToken(officer).header("If-Match", "\"0\"")
                .body("{\"bodyId\": \"" + body + "\", \"adoptedOn\": \"2021-03-18\"}")
                .when().post(location + "/adoption")
                .then().statusCode(200).body("status", equalTo("adopted")).body("adoptedByBodyId", equalTo(body))
                .body("adoptedOn", equalTo("2021-03-18"));
        jsonWithToken(officer).header("If-Match", "\"1\"")
                .body(priority(2021, "Changed", "other"))
                .when().put(location).then().statusCode(409);

        String id = location.substring(location.lastIndexOf('/') + 1);
        ConsumerRecord<String, String> event = TestKafka.awaitRecords(Topics.PARTNERSHIP_EVENTS,
                r -> id.equals(TestKafka.header(r, "ce_subject"))
                        && "priority.adopted.v1".equals(TestKafka.header(r, "ce_type")), Duration.ofSeconds(20)).get(0);
        JsonPath data = JsonPath.from(event.value());
        assertThat(data.getString("theme"), equalTo("violence-knife-crime"));
        assertThat(data.getString("adoptedByBodyId"), equalTo(body));
    }

    @Test
    void adoptionNeedsABodyOfThePartnership() {
        String csp = Fixtures.partnership();
        String otherBody = rag(Fixtures.partnership());
        String location = jsonWithToken(Fixtures.officerOf(csp))
                .body(priority(2021, "Hate crime", "hate-crime"))
                .when().post("/api/v1/partnerships/" + csp + "/priorities").then().statusCode(201).extract().header("Location");
        jsonWithToken(Fixtures.officerOf(csp)).header("If-Match", "\"0\"")
                .body("{\"bodyId\": \"" + otherBody + "\", \"adoptedOn\": \"2021-03-18\"}")
                .when().post(location + "/adoption").then().statusCode(400).body("detail", containsString("bodyId"));
    }

    @Test
    void aPriorityLinksToTheAssessmentIssueItCameFrom() {
        String csp = Fixtures.partnership();
        String officer = Fixtures.officerOf(csp);
        JsonPath assessment = jsonWithToken(officer)
                .body(Fixtures.ASSESSMENT_2020)
                .when().post("/api/v1/partnerships/" + csp + "/assessments").then().statusCode(201).extract().jsonPath();
        String assessmentId = assessment.getString("id");
        String issueId = assessment.getString("ranking[0].id");
        jsonWithToken(officer).body("""
                {"financialYear": 2021, "title": "Domestic abuse", "theme": "domestic-abuse",
                 "assessmentId": "%s", "assessmentIssueId": "%s"}""".formatted(assessmentId, issueId))
                .when().post("/api/v1/partnerships/" + csp + "/priorities")
                .then().statusCode(201).body("assessmentIssueId", equalTo(issueId));
        jsonWithToken(officer).body("""
                {"financialYear": 2021, "title": "Domestic abuse", "theme": "domestic-abuse",
                 "assessmentId": "%s", "assessmentIssueId": "%s"}""".formatted(assessmentId, assessmentId))
                .when().post("/api/v1/partnerships/" + csp + "/priorities")
                .then().statusCode(400).body("detail", containsString("assessmentIssueId"));
    }

    @Test
    void themesComeFromTheTaxonomy() {
        String csp = Fixtures.partnership();
        jsonWithToken(Fixtures.officerOf(csp))
                .body(priority(2021, "Parking", "parking"))
                .when().post("/api/v1/partnerships/" + csp + "/priorities")
                .then().statusCode(400).body("field", equalTo("theme"));
    }
}
