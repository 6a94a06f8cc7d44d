package org.saferpartnerships.reporting.feeds;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.reporting.counts.IncidentEvents;
import org.saferpartnerships.testing.identity.TestTokens;

@QuarkusTest
class IncidentCountFeedResourceTest {

    private String partnership;

    @BeforeEach
    void threeIncidentsInTwoMonthsAndTwoDistricts() {
        partnership = "p-" + UUID.randomUUID();
        IncidentEvents.recorded(partnership, "anti-social-behaviour", "2024-04-03", "E07000069");
        IncidentEvents.recorded(partnership, "anti-social-behaviour", "2024-04-28", "E07000075");
        IncidentEvents.recorded(partnership, "violent-crime", "2024-05-01", "E07000075");
        IncidentEvents.recorded(partnership, "violent-crime", "2024-09-01", "E07000075");
        await().atMost(Duration.ofSeconds(30)).until(() -> withToken(TestTokens.analyst(partnership))
                .queryParam("partnership", partnership).queryParam("from", "2024-01").queryParam("to", "2024-12")
                .queryParam("groupBy", "category")
                .get("/api/v1/feeds/incident-counts").then().extract().path("rows.count.sum()"), equalTo(4));
    }

    @Test
    void countsByMonthAndCategoryWithinTheRange() {
        withToken(TestTokens.analyst(partnership))
                .queryParam("partnership", partnership)
                .queryParam("from", "2024-04").queryParam("to", "2024-05")
                .queryParam("groupBy", "month,category")
                .when().get("/api/v1/feeds/incident-counts")
                .then().statusCode(200)
                .body("partnership", equalTo(partnership))
                .body("from", equalTo("2024-04"))
                .body("to", equalTo("2024-05"))
                .body("rows", hasSize(2))
                .body("rows[0].month", equalTo("2024-04"))
                .body("rows[0].category", equalTo("anti-social-behaviour"))
                .body("rows[0].count", equalTo(2))
                .body("rows[0]", not(hasKey("district")))
                .body("rows[1].month", equalTo("2024-05"))
                .body("rows[1].category", equalTo("violent-crime"))
                .body("rows[1].count", equalTo(1));
    }

    @Test
    void countsByDistrict() {
        withToken(TestTokens.analyst(partnership))
                .queryParam("partnership", partnership)
                .queryParam("from", "2024-04").queryParam("to", "2024-05")
                .queryParam("groupBy", "district")
                .when().get("/api/v1/feeds/incident-counts")
                .then().statusCode(200)
                .body("rows.district", contains("E07000069", "E07000075"))
                .body("rows.count", contains(1, 2));
    }

    @Test
    void partnershipOfficersOfThePartnershipReadItsFeed() {
        withToken(TestTokens.withRole(Roles.PARTNERSHIP_OFFICER, partnership))
                .queryParam("partnership", partnership).queryParam("from", "2024-04").queryParam("to", "2024-04")
                .when().get("/api/v1/feeds/incident-counts")
                .then().statusCode(200).body("rows[0].count", equalTo(2));
    }

    @Test
    void callersWithoutAccessAreRefused() {
        given().queryParam("partnership", partnership).queryParam("from", "2024-04").queryParam("to", "2024-05")
                .when().get("/api/v1/feeds/incident-counts").then().statusCode(401);
        withToken(TestTokens.agencySubmitter("essex-police", partnership))
                .queryParam("partnership", partnership).queryParam("from", "2024-04").queryParam("to", "2024-05")
                .when().get("/api/v1/feeds/incident-counts").then().statusCode(403);
        // An analyst of other partnerships must not learn this one exists.
        withToken(TestTokens.analyst("braintree"))
                .queryParam("partnership", partnership).queryParam("from", "2024-04").queryParam("to", "2024-05")
                .when().get("/api/v1/feeds/incident-counts")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void malformedParametersAreBadRequests() {
        withToken(TestTokens.analyst(partnership))
                .queryParam("partnership", partnership).queryParam("from", "April").queryParam("to", "2024-13")
                .when().get("/api/v1/feeds/incident-counts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("from"))
                .body("violations.field", hasItem("to"));
        withToken(TestTokens.analyst(partnership))
                .queryParam("partnership", partnership).queryParam("from", "2024-05").queryParam("to", "2024-04")
                .when().get("/api/v1/feeds/incident-counts")
                .then().statusCode(400).body("detail", containsString("before"));
        withToken(TestTokens.analyst(partnership))
                .queryParam("partnership", partnership).queryParam("from", "2024-04").queryParam("to", "2024-05")
                .queryParam("groupBy", "month,postcode")
                .when().get("/api/v1/feeds/incident-counts")
                .then().statusCode(400).body("detail", containsString("postcode"));
        withToken(TestTokens.analyst(partnership))
                .queryParam("from", "2024-04").queryParam("to", "2024-05")
                .when().get("/api/v1/feeds/incident-counts")
                .then().statusCode(400).body("violations.field", hasItem("partnership"));
    }
}
