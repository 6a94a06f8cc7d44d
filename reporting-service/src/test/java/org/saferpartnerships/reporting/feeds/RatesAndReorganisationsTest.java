package org.saferpartnerships.reporting.feeds;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import org.saferpartnerships.platform.events.partnership.PartnershipChanged;
import org.saferpartnerships.platform.geography.Census;
import org.saferpartnerships.platform.geography.DistrictPopulations;
import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.reporting.counts.IncidentEvents.Incident;
import org.saferpartnerships.reporting.counts.IncidentEvents;
import org.saferpartnerships.testing.identity.TestTokens;
import org.saferpartnerships.testing.kafka.TestKafka;

/** Rates per 1,000 residents of the census nearest the period, and periods across a reorganisation. */
@QuarkusTest
class RatesAndReorganisationsTest {

    private static final long COLCHESTER_2021 = 192_700;
    private static final long COLCHESTER_2011 = 173_074;

    @Test
    void ratesAreCountsPerThousandResidentsOfTheCensusNearestThePeriod() {
        String p = partnership("E07000071");
        List<Incident> incidents = new ArrayList<>();
        for (int i = 0; i < 385; i++) {
            incidents.add(Incident.of(p, "burglary", "2022-05", "E07000071"));
        }
        for (int i = 0; i < 3; i++) {
            incidents.add(Incident.of(p, "drugs", "2012-05", "E07000071"));
        }
        IncidentEvents.recordedAll(incidents);
        String analyst = TestTokens.analyst(p);
        await().atMost(Duration.ofSeconds(30)).until(() -> total(analyst, p, "2022-04", "2022-06"), equalTo(385L));

        JsonPath rates = feed(analyst, p, "2022-04", "2022-06", "category");
        assertThat(rates.getString("measure"), equalTo("rate"));
        assertThat(rates.getInt("population.census"), equalTo(2021));
        assertThat(rates.getLong("rows[0].residents"), equalTo(COLCHESTER_2021));
        // 385 x 1,000 / 192,700 = 1.9979…
        assertThat(new BigDecimal(rates.getString("rows[0].rate")), comparesEqualTo(perThousand(385, COLCHESTER_2021)));

        JsonPath in2012 = feed(analyst, p, "2012-01", "2012-12", "category");
        assertThat(in2012.getInt("population.census"), equalTo(2011));
        assertThat(in2012.getLong("rows[0].residents"), equalTo(COLCHESTER_2011));
        assertThat(new BigDecimal(in2012.getString("rows[0].rate")), comparesEqualTo(perThousand(3, COLCHESTER_2011)));

        // CSV carries the same columns.
        String csv = spec(analyst, p, "2022-04", "2022-06", "category").queryParam("format", "csv")
                .get("/api/v1/feeds/incident-counts").then().statusCode(200).extract().asString();
        assertThat(csv.lines().toList(), equalTo(List.of("\uFEFFcategory,count,suppressed,residents,rate",
                "burglary,385,,192700,2.00")));

        // Without measure=rate a feed is counts only.
        JsonPath counts = withToken(analyst).queryParam("partnership", p).queryParam("from", "2022-04")
                .queryParam("to", "2022-06").get("/api/v1/feeds/incident-counts").then().statusCode(200)
                .extract().jsonPath();
        assertThat(counts.getString("measure"), equalTo("count"));
        assertThat(counts.get("population"), nullValue());
        assertThat(counts.get("rows[0].rate"), nullValue());
    }

    @Test
    void aComparedPeriodTakesTheCensusNearestItAndEachDistrictItsOwnResidents() {
        String p = partnership("E07000069", "E07000075");
        List<Incident> incidents = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            incidents.add(Incident.of(p, "robbery", "2016-06", i < 12 ? "E07000069" : "E07000075"));
            incidents.add(Incident.of(p, "robbery", "2015-06", "E07000069"));
        }
        IncidentEvents.recordedAll(incidents);
        String analyst = TestTokens.analyst(p);
        await().atMost(Duration.ofSeconds(30)).until(() -> total(analyst, p, "2015-04", "2017-03"), equalTo(40L));

        // April 2016 to March 2017 is nearest Census 2021, the year before nearest Census 2011.
        JsonPath compared = spec(analyst, p, "2016-04", "2017-03", "district").queryParam("compare", "previous-year")
                .get("/api/v1/feeds/incident-counts").then().statusCode(200).extract().jsonPath();
        assertThat(compared.getInt("population.census"), equalTo(2021));
        assertThat(compared.getInt("population.previousYearCensus"), equalTo(2011));
        Map<String, Object> castlePoint = compared.getMap("rows.find { it.district == 'E07000069' }");
        assertThat(((Number) castlePoint.get("residents")).longValue(), equalTo(residents("E07000069", 2021)));
        assertThat(new BigDecimal(castlePoint.get("rate").toString()),
                comparesEqualTo(perThousand(12, residents("E07000069", 2021))));
        assertThat(((Number) castlePoint.get("previousYearResidents")).longValue(),
                equalTo(residents("E07000069", 2011)));
        assertThat(new BigDecimal(castlePoint.get("previousYearRate").toString()),
                comparesEqualTo(perThousand(20, residents("E07000069", 2011))));
        Map<String, Object> rochford = compared.getMap("rows.find { it.district == 'E07000075' }");
        assertThat(new BigDecimal(rochford.get("rate").toString()), comparesEqualTo(perThousand(8, residents("E07000075", 2021))));

        // Not grouped by district, a row is the partnership's whole area.
        JsonPath whole = feed(analyst, p, "2016-04", "2017-03", "category");
        long both = residents("E07000069", 2021) + residents("E07000075", 2021);
        assertThat(whole.getLong("rows[0].residents"), equalTo(both));
        assertThat(new BigDecimal(whole.getString("rows[0].rate")), comparesEqualTo(perThousand(20, both)));
    }

    @Test
    void aViewersRatesAreOfTheCountsAsShownSoTheyGiveNothingMoreAway() {
        String p = partnership("E07000071");
        List<Incident> incidents = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            incidents.add(Incident.of(p, "burglary", "2023-05", "E07000071"));
        }
        for (int i = 0; i < 3; i++) {
            incidents.add(Incident.of(p, "drugs", "2023-05", "E07000071"));
        }
        IncidentEvents.recordedAll(incidents);
        await().atMost(Duration.ofSeconds(30)).until(() -> total(TestTokens.analyst(p), p, "2023-05", "2023-05"),
                equalTo(15L));

        JsonPath viewed = feed(TestTokens.withRole(Roles.VIEWER, p), p, "2023-05", "2023-05", "category");
        Map<String, Object> burglary = viewed.getMap("rows.find { it.category == 'burglary' }");
        assertThat(burglary.get("count"), equalTo(10));
        assertThat(new BigDecimal(burglary.get("rate").toString()), comparesEqualTo(perThousand(10, COLCHESTER_2021)));
        Map<String, Object> drugs = viewed.getMap("rows.find { it.category == 'drugs' }");
        assertThat(drugs.get("suppressed"), equalTo(true));
        assertThat(drugs.get("rate"), nullValue());
        assertThat(drugs.get("residents"), equalTo((int) COLCHESTER_2021));
    }

    @Test
    void aPartnershipNotKnownYetHasNoRatesAndAnUnknownMeasureIsRefused() {
        String p = "p-" + UUID.randomUUID();
        IncidentEvents.recorded(Incident.of(p, "burglary", "2022-05", "E07000071"));
        String analyst = TestTokens.analyst(p);
        await().atMost(Duration.ofSeconds(30)).until(() -> total(analyst, p, "2022-05", "2022-05"), equalTo(1L));
        JsonPath rates = feed(analyst, p, "2022-05", "2022-05", "category");
        assertThat(rates.getLong("rows[0].count"), equalTo(1L));
        assertThat(rates.get("rows[0].rate"), nullValue());
        withToken(analyst).queryParam("partnership", p).queryParam("from", "2022-05").queryParam("to", "2022-05")
                .queryParam("measure", "severity").get("/api/v1/feeds/incident-counts").then().statusCode(400)
                .body("violations.message", hasItems("must be count or rate"));
    }

    /**
     * West Suffolk since April 2019, Forest Heath and St Edmundsbury before: incident-service counts
     * their incidents in West Suffolk (the district that holds the place now), so a year on year across
     * the change adds the predecessors up; the answers say so.
     */
    @Test
    void aYearOnYearAcrossAReorganisationAddsThePredecessorsUpAndSaysSo() {
        String p = partnership("E07000245");
        List<Incident> incidents = new ArrayList<>();
        for (String month : List.of("2018-05", "2018-05", "2018-06", "2019-05", "2019-06", "2019-07", "2019-08")) {
            incidents.add(Incident.of(p, "burglary", month, "E07000245"));
        }
        IncidentEvents.recordedAll(incidents);
        String analyst = TestTokens.analyst(p);
        await().atMost(Duration.ofSeconds(30)).until(() -> total(analyst, p, "2018-04", "2019-09"), equalTo(7L));

        JsonPath performance = withToken(analyst).queryParam("asOf", "2019-09")
                .get("/api/v1/partnerships/" + p + "/performance").then().statusCode(200).extract().jsonPath();
        Map<String, Object> burglary = performance.getMap("lines.find { it.key == 'burglary' }");
        assertThat(burglary.get("current"), equalTo(4));
        assertThat(burglary.get("previous"), equalTo(3));
        assertThat(burglary.get("statement"), equalTo("Burglary up 33.3% (1 more offence)"));
        long westSuffolk = residents("E07000245", 2021);
        assertThat(new BigDecimal(burglary.get("currentRate").toString()), comparesEqualTo(perThousand(4, westSuffolk)));
        assertThat(new BigDecimal(burglary.get("previousRate").toString()), comparesEqualTo(perThousand(3, westSuffolk)));
        assertThat(performance.getString("reorganisations[0].district"), equalTo("E07000245"));
        assertThat(performance.getString("reorganisations[0].on"), equalTo("2019-04-01"));
        assertThat(performance.getList("reorganisations[0].formedFrom.district"), hasItems("E07000201", "E07000204"));
        assertThat(performance.getString("reorganisations[0].statement"), containsString(
                "formed on 2019-04-01 from Forest Heath (E07000201) and St Edmundsbury (E07000204)"));

        JsonPath feed = spec(analyst, p, "2019-04", "2019-09", "category").queryParam("compare", "previous-year")
                .get("/api/v1/feeds/incident-counts").then().statusCode(200).extract().jsonPath();
        assertThat(feed.getLong("rows[0].count"), equalTo(4L));
        assertThat(feed.getLong("rows[0].previousYearCount"), equalTo(3L));
        assertThat(feed.getString("reorganisations[0].district"), equalTo("E07000245"));
        // A period after the change spans none.
        assertThat(feed(analyst, p, "2019-04", "2019-09", "category").getList("reorganisations").size(), equalTo(0));
        withToken(analyst).queryParam("asOf", "2019-09").get("/api/v1/partnerships/" + p + "/dashboard").then()
                .statusCode(200).body("reorganisations[0].district", equalTo("E07000245"))
                .body("districts[0].key", equalTo("E07000245"));
    }

    private static String partnership(String... districts) {
        String p = "p-" + UUID.randomUUID();
        TestKafka.publish(new PartnershipChanged(PartnershipChanged.Change.REGISTERED, p, "Partnership " + p,
                List.of(districts), null, null, null, 0), "/partnership-service", Instant.parse("2024-06-01T09:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> withToken(TestTokens.analyst(p)).queryParam("partnership", p)
                .queryParam("from", "2022-01").queryParam("to", "2022-01").get("/api/v1/feeds/incident-counts")
                .then().extract().path("partnerships[0].name"), equalTo("Partnership " + p));
        return p;
    }

    /** Every incident counted in the months. */
    private static long total(String token, String p, String from, String to) {
        List<Number> counts = feed(token, p, from, to, "month").getList("rows.count");
        return counts.stream().mapToLong(Number::longValue).sum();
    }

    private static JsonPath feed(String token, String p, String from, String to, String groupBy) {
        return spec(token, p, from, to, groupBy).get("/api/v1/feeds/incident-counts").then().statusCode(200).extract()
                .jsonPath();
    }

    private static RequestSpecification spec(String token, String p, String from, String to, String groupBy) {
        return withToken(token).queryParam("partnership", p).queryParam("from", from).queryParam("to", to)
                .queryParam("groupBy", groupBy).queryParam("measure", "rate");
    }

    private static long residents(String district, int census) {
        return DistrictPopulations.residentsOf(district, census == 2021 ? Census.CENSUS_2021 : Census.CENSUS_2011)
                .getAsLong();
    }

    private static BigDecimal perThousand(long count, long residents) {
        return BigDecimal.valueOf(count * 1000).divide(BigDecimal.valueOf(residents), 2, RoundingMode.HALF_UP);
    }
}
