package org.saferpartnerships.reporting.feeds;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.saferpartnerships.reporting.counts.IncidentEvents.Incident;
import org.saferpartnerships.reporting.counts.IncidentEvents;
import org.saferpartnerships.testing.identity.TestTokens;

/** The incident-count feed's dimensions, comparisons, formats and partnerships. */
@QuarkusTest
class FeedsTest {

    private static String newPartnership() {
        return "p-" + UUID.randomUUID();
    }

    private static void awaitTotal(String partnership, String from, String to, int total) {
        await().atMost(Duration.ofSeconds(30)).until(() -> withToken(TestTokens.analyst(partnership))
                .queryParam("partnership", partnership).queryParam("from", from).queryParam("to", to)
                .queryParam("groupBy", "category").get("/api/v1/feeds/incident-counts")
                .then().extract().path("rows.count.sum()"), equalTo(total));
    }

    @Test
    void countsGroupByAsbTypeAndFlag() {
        String p = newPartnership();
        IncidentEvents.recorded(
                Incident.of(p, "anti-social-behaviour", "2024-03", "E07000071").asb("nuisance"),
                Incident.of(p, "anti-social-behaviour", "2024-03", "E07000071").asb("nuisance").flagged("alcohol-related"),
                Incident.of(p, "anti-social-behaviour", "2024-03", "E07000071"),
                Incident.of(p, "violent-crime", "2024-03", "E07000071").flagged("knife", "alcohol-related"));
        awaitTotal(p, "2024-03", "2024-03", 4);
        String analyst = TestTokens.analyst(p);
        withToken(analyst).queryParam("partnership", p).queryParam("from", "2024-03").queryParam("to", "2024-03")
                .queryParam("groupBy", "asbType").queryParam("category", "anti-social-behaviour")
                .when().get("/api/v1/feeds/incident-counts")
                .then().statusCode(200)
                .body("rows.asbType", contains("not-recorded", "nuisance")).body("rows.count", contains(1, 2));
        withToken(analyst).queryParam("partnership", p).queryParam("from", "2024-03").queryParam("to", "2024-03")
                .queryParam("groupBy", "flag")
                .when().get("/api/v1/feeds/incident-counts")
                .then().statusCode(200)
                .body("rows.flag", contains("alcohol-related", "knife")).body("rows.count", contains(2, 1));
        withToken(analyst).queryParam("partnership", p).queryParam("from", "2024-03").queryParam("to", "2024-03")
                .queryParam("groupBy", "category").queryParam("flag", "knife")
                .when().get("/api/v1/feeds/incident-counts")
                .then().statusCode(200).body("rows.category", contains("violent-crime"))
                .body("freshness.lastEventAt", notNullValue())
                .body("disclosure.applied", equalTo(false));
        withToken(analyst).queryParam("partnership", p).queryParam("from", "2024-03").queryParam("to", "2024-03")
                .queryParam("groupBy", "asbType,flag")
                .when().get("/api/v1/feeds/incident-counts")
                .then().statusCode(400).body("detail", containsString("asbType"));
    }

    @Test
    void correctionsMoveCountsAndWithdrawalsRemoveThem() {
        String p = newPartnership();
        Incident burglary = Incident.of(p, "burglary", "2024-04", "E07000071");
        Incident other = Incident.of(p, "burglary", "2024-04", "E07000071");
        IncidentEvents.recorded(burglary, other);
        awaitTotal(p, "2024-04", "2024-04", 2);
        IncidentEvents.corrected(burglary, burglary.category("robbery"));
        IncidentEvents.withdrawn(other);
        await().atMost(Duration.ofSeconds(30)).until(() -> withToken(TestTokens.analyst(p))
                .queryParam("partnership", p).queryParam("from", "2024-04").queryParam("to", "2024-04")
                .queryParam("groupBy", "category").get("/api/v1/feeds/incident-counts")
                .then().extract().path("rows.category"), contains("robbery"));
    }

    @Test
    void theSamePeriodAYearEarlierIsComparedRowByRow() {
        String p = newPartnership();
        IncidentEvents.recorded(Incident.of(p, "drugs", "2023-05", "E07000071"),
                Incident.of(p, "drugs", "2023-05", "E07000071"), Incident.of(p, "drugs", "2024-05", "E07000071"),
                Incident.of(p, "drugs", "2024-05", "E07000071"), Incident.of(p, "drugs", "2024-05", "E07000071"));
        awaitTotal(p, "2023-01", "2024-12", 5);
        withToken(TestTokens.analyst(p)).queryParam("partnership", p).queryParam("from", "2024-05")
                .queryParam("to", "2024-05").queryParam("compare", "previous-year")
                .when().get("/api/v1/feeds/incident-counts")
                .then().statusCode(200)
                .body("compare", equalTo("previous-year"))
                .body("rows[0].count", equalTo(3)).body("rows[0].previousYearCount", equalTo(2))
                .body("rows[0].change", equalTo(1)).body("rows[0].percentChange", equalTo(50.0f));
    }

    @Test
    void csvHasTheJsonFieldNamesAndOpensInExcel() {
        String p = newPartnership();
        IncidentEvents.recorded(Incident.of(p, "shoplifting", "2024-06", "E07000071"));
        awaitTotal(p, "2024-06", "2024-06", 1);
        String csv = withToken(TestTokens.analyst(p)).queryParam("partnership", p)
                .queryParam("from", "2024-06").queryParam("to", "2024-06").queryParam("format", "csv")
                .when().get("/api/v1/feeds/incident-counts")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertThat(csv, startsWith("\uFEFFmonth,category,count,suppressed\r\n"));
        assertThat(csv, containsString("2024-06,shoplifting,1,\r\n"));
        withToken(TestTokens.analyst(p)).accept("text/csv").queryParam("partnership", p)
                .queryParam("from", "2024-06").queryParam("to", "2024-06").queryParam("groupBy", "district")
                .when().get("/api/v1/feeds/incident-counts")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .body(startsWith("\uFEFFdistrict,count,suppressed\r\nE07000071,1,"));
    }

    @Test
    void aForceAnalystAsksForSeveralPartnershipsAtOnce() {
        String a = newPartnership();
        String b = newPartnership();
        IncidentEvents.recorded(Incident.of(a, "robbery", "2024-07", "E07000071"),
                Incident.of(b, "robbery", "2024-07", "E07000074"), Incident.of(b, "robbery", "2024-07", "E07000074"));
        // Each partnership's events travel on their own partition, so neither arrival implies the other.
        awaitTotal(a, "2024-07", "2024-07", 1);
        awaitTotal(b, "2024-07", "2024-07", 2);
        String force = TestTokens.analyst(a, b);
        withToken(force).queryParam("partnership", a + "," + b).queryParam("from", "2024-07")
                .queryParam("to", "2024-07").queryParam("groupBy", "category")
                .when().get("/api/v1/feeds/incident-counts")
                .then().statusCode(200)
                .body("groupBy", contains("partnership", "category"))
                .body("rows.find { it.partnership == '" + a + "' }.count", equalTo(1))
                .body("rows.find { it.partnership == '" + b + "' }.count", equalTo(2))
                .body("rows.size()", equalTo(2));
        withToken(TestTokens.analyst(a)).queryParam("partnership", a + "," + b).queryParam("from", "2024-07")
                .queryParam("to", "2024-07").when().get("/api/v1/feeds/incident-counts")
                .then().statusCode(404).body("detail", containsString(b));
    }
}
