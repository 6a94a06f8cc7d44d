package org.saferpartnerships.partnership.strategies;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.saferpartnerships.partnership.Fixtures;

@QuarkusTest
class StrategyResourceTest {

    private static String strategy(int start, int end, String reviews) {
        return """
                {"title": "Community Safety Strategy", "startYear": %d, "endYear": %d,
                 "focusAreas": ["Anti-social behaviour", "Domestic abuse"],
                 "outcomes": [{"name": "Fewer repeat victims of ASB", "measure": "repeat victims a year"}],
                 "reviews": %s}""".formatted(start, end, reviews);
    }

    @Test
    void aThreeYearStrategyIsReviewedYearly() {
        String csp = Fixtures.partnership();
        String officer = Fixtures.officerOf(csp);
        String location = given().auth().oauth2(officer).contentType(ContentType.JSON).body(strategy(2021, 2023, "[]"))
                .when().post("/api/v1/partnerships/" + csp + "/strategies")
                .then().statusCode(201).body("focusAreas", hasSize(2)).extract().header("Location");
        given().auth().oauth2(officer).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(strategy(2021, 2023, "[{\"reviewedOn\": \"2022-03-15\", \"summary\": \"On track\"}]"))
                .when().put(location)
                .then().statusCode(200).body("reviews[0].summary", equalTo("On track"));
        given().auth().oauth2(Fixtures.VIEWER).when().get("/api/v1/partnerships/" + csp + "/strategies")
                .then().statusCode(200).body("startYear", hasItem(2021));
    }

    @Test
    void aStrategyCoversThreeYears() {
        String csp = Fixtures.partnership();
        given().auth().oauth2(Fixtures.officerOf(csp)).contentType(ContentType.JSON).body(strategy(2021, 2025, "[]"))
                .when().post("/api/v1/partnerships/" + csp + "/strategies")
                .then().statusCode(400).body("violations.field", hasItem("threeYears"));
    }
}
