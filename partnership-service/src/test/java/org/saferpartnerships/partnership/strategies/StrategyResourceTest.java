package org.saferpartnerships.partnership.strategies;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;
import static org.saferpartnerships.testing.api.Requests.withToken;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

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
        String location = jsonWithToken(officer).body(strategy(2021, 2023, "[]"))
                .when().post("/api/v1/partnerships/" + csp + "/strategies")
                .then().statusCode(201).body("focusAreas", hasSize(2)).extract().header("Location");
        jsonWithToken(officer).header("If-Match", "\"0\"")
                .body(strategy(2021, 2023, "[{\"reviewedOn\": \"2022-03-15\", \"summary\": \"On track\"}]"))
                .when().put(location)
                .then().statusCode(200).body("reviews[0].summary", equalTo("On track"));
        withToken(Fixtures.VIEWER).when().get("/api/v1/partnerships/" + csp + "/strategies")
                .then().statusCode(200).body("startYear", hasItem(2021));
    }

    @Test
    void aStrategyCoversThreeYears() {
        String csp = Fixtures.partnership();
        jsonWithToken(Fixtures.officerOf(csp)).body(strategy(2021, 2025, "[]"))
                .when().post("/api/v1/partnerships/" + csp + "/strategies")
                .then().statusCode(400).body("violations.field", hasItem("threeYears"));
    }
}
