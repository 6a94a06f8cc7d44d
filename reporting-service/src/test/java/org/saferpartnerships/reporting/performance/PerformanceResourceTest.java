package org.saferpartnerships.reporting.performance;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.saferpartnerships.reporting.counts.IncidentEvents.Incident;
import org.saferpartnerships.reporting.counts.IncidentEvents;
import org.saferpartnerships.testing.identity.TestTokens;

/**
 * Maldon's year to date as its 2017 committee paper reports it: all crime up 4% (43 more
 * offences), anti-social behaviour down 4.5% (21 fewer incidents).
 */
@QuarkusTest
class PerformanceResourceTest {

    private static final String MALDON = "maldon-" + UUID.randomUUID();
    private static boolean published;

    @BeforeAll
    static void noteThatEventsArePublishedOnFirstUse() {
        published = false;
    }

    private static void maldonsFinancialYearsToSeptember() {
        if (published) {
            return;
        }
        List<Incident> incidents = new ArrayList<>();
        // Current year (April-September 2017): 1,118 crimes, 446 ASB; the year before: 1,075 and 467.
        spread(incidents, "2017", "violent-crime", 600, "burglary", 518);
        spread(incidents, "2016", "violent-crime", 590, "burglary", 485);
        spread(incidents, "2017", "anti-social-behaviour", 446, null, 0);
        spread(incidents, "2016", "anti-social-behaviour", 467, null, 0);
        // Outside both periods: must not count.
        incidents.add(Incident.of(MALDON, "burglary", "2017-10", "E07000074"));
        incidents.add(Incident.of(MALDON, "burglary", "2016-03", "E07000074"));
        IncidentEvents.recordedAll(incidents);
        await().atMost(Duration.ofSeconds(60)).until(() -> withToken(TestTokens.analyst(MALDON))
                .queryParam("partnership", MALDON).queryParam("from", "2016-01").queryParam("to", "2017-12")
                .queryParam("groupBy", "category").get("/api/v1/feeds/incident-counts")
                .then().extract().path("rows.count.sum()"), equalTo(3108));
        published = true;
    }

    private static void spread(List<Incident> incidents, String year, String first, int firstCount, String second,
            int secondCount) {
        for (int i = 0; i < firstCount + secondCount; i++) {
            String month = year + "-0" + (4 + i % 6);
            incidents.add(Incident.of(MALDON, i < firstCount ? first : second, month, "E07000074"));
        }
    }

    @Test
    void financialYearToDateGivesTheFiguresAReportStates() {
        maldonsFinancialYearsToSeptember();
        withToken(TestTokens.analyst(MALDON)).queryParam("asOf", "2017-09")
                .when().get("/api/v1/partnerships/" + MALDON + "/performance")
                .then().statusCode(200)
                .body("period", equalTo("financial-ytd"))
                .body("from", equalTo("2017-04")).body("previousFrom", equalTo("2016-04"))
                .body("lines[0].key", equalTo("all-crime"))
                .body("lines[0].current", equalTo(1118)).body("lines[0].previous", equalTo(1075))
                .body("lines[0].change", equalTo(43)).body("lines[0].percentChange", equalTo(4.0f))
                .body("lines[0].statement", equalTo("All crime up 4.0% (43 more offences)"))
                .body("lines[1].key", equalTo("anti-social-behaviour"))
                .body("lines[1].statement", equalTo("Anti-social behaviour down 4.5% (21 fewer incidents)"))
                .body("lines.find { it.key == 'burglary' }.change", equalTo(33));
    }

    @Test
    void otherPeriodsStartInOctoberOrTwelveMonthsBack() {
        maldonsFinancialYearsToSeptember();
        withToken(TestTokens.analyst(MALDON)).queryParam("asOf", "2017-09").queryParam("period", "assessment-year")
                .when().get("/api/v1/partnerships/" + MALDON + "/performance")
                .then().statusCode(200).body("from", equalTo("2016-10")).body("lines[0].current", equalTo(1118));
        withToken(TestTokens.analyst(MALDON)).queryParam("asOf", "2017-10").queryParam("period", "rolling-12")
                .when().get("/api/v1/partnerships/" + MALDON + "/performance")
                .then().statusCode(200).body("from", equalTo("2016-11")).body("lines[0].current", equalTo(1119));
        withToken(TestTokens.analyst(MALDON)).queryParam("asOf", "2017-09").queryParam("period", "decade")
                .when().get("/api/v1/partnerships/" + MALDON + "/performance").then().statusCode(400);
        withToken(TestTokens.analyst("elsewhere")).queryParam("asOf", "2017-09")
                .when().get("/api/v1/partnerships/" + MALDON + "/performance").then().statusCode(404);
    }

    @Test
    void theDashboardHasTheSeriesRankingsAndPerformanceInOneCall() {
        maldonsFinancialYearsToSeptember();
        withToken(TestTokens.analyst(MALDON)).queryParam("asOf", "2017-09")
                .when().get("/api/v1/partnerships/" + MALDON + "/dashboard")
                .then().statusCode(200)
                .body("months.size()", equalTo(24)).body("months[0]", equalTo("2015-10"))
                .body("series.find { it.category == 'burglary' }.counts.sum()", equalTo(1004))
                .body("topCategories[0].name", equalTo("Violence and sexual offences"))
                .body("districts[0].name", equalTo("Maldon"))
                .body("performance[0].statement", equalTo("All crime up 4.0% (43 more offences)"));
    }
}
