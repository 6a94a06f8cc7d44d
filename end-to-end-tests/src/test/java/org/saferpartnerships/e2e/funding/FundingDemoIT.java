package org.saferpartnerships.e2e.funding;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import org.saferpartnerships.e2e.LocalStack;

/**
 * The funding demo data as {@code deploy/local/up} loads it ({@code deploy/local/bin/demo-funding}
 * after the partnership demo data), checked against the figures of the council papers to the
 * penny, so that neither the data files nor funding-service's arithmetic can drift from them; and
 * the loader run a second time changes nothing.
 */
class FundingDemoIT {

    private static final List<String> PARTNERSHIPS = List.of("castle-point-rochford", "maldon", "braintree");
    private static final List<String> MALDON_RAG_INITIATIVES = List.of(
            "Anti-Social Behaviour (ASB) awareness training for social landlords",
            "Public Space Protection Order (PSPO) signage",
            "Just Play football initiative (extend to Burnham-on-Crouch)",
            "CCTV contribution for a pilot to enable Maldon CCTV to be remotely monitored",
            "J9 domestic abuse awareness",
            "Vulnerability awareness training for young people");

    private static LocalStack stack;
    private static String admin;
    private static Map<String, String> afterFirstRun;
    private static Map<String, String> afterSecondRun;

    @BeforeAll
    static void startTheStackAndLoadTheDemoDataTwice() {
        stack = LocalStack.start();
        stack.loadDemoPartnerships();
        stack.loadDemoFunding();
        admin = stack.token("platform-admin");
        afterFirstRun = everythingFundingHolds();
        stack.loadDemoFunding();
        afterSecondRun = everythingFundingHolds();
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theSecondRunCreatesAndChangesNothing() {
        funding("/funders").body("id", contains("essex-pfcc"));
        funding("/funders/essex-pfcc/streams").body("name",
                contains("Community Safety Development Fund", "Community Safety Partnership grant"));
        funding("/partnerships/castle-point-rochford/allocations").body("$", hasSize(6));
        funding("/partnerships/maldon/allocations").body("$", hasSize(2));
        funding("/partnerships/braintree/allocations").body("$", hasSize(2));
        funding("/partnerships/castle-point-rochford/carry-forwards").body("$", hasSize(1));
        funding("/partnerships/maldon/carry-forwards").body("$", hasSize(0));
        funding("/partnerships/braintree/carry-forwards").body("$", hasSize(1));
        funding("/partnerships/castle-point-rochford/initiatives").body("$", hasSize(5));
        funding("/partnerships/maldon/initiatives").body("$", hasSize(7));
        funding("/partnerships/braintree/initiatives").body("$", hasSize(1));
        // Every record with its version, so a top-slice added or a record revised shows too.
        assertThat(afterSecondRun, equalTo(afterFirstRun));
    }

    @Test
    void castlePointAndRochford2021HasItsGrantTheUnderspendRolledOverAndTheAnticipatedUnderspend() {
        ValidatableResponse budget = funding("/partnerships/castle-point-rochford/budget?year=2021")
                .body("label", equalTo("2021/22"))
                .body("streams", hasSize(1))
                .body("streams[0].funderId", equalTo("essex-pfcc"))
                .body("streams[0].name", equalTo("Community Safety Partnership grant"));
        assertPosition(budget, "total", "12337.00", "0.00", "10142.00", "20961.00", "0.00", "20961.00");
        assertPosition(budget, "streams[0].figures", "12337.00", "0.00", "10142.00", "20961.00", "0.00", "20961.00");
        budget.body("total.available", pounds("22479.00")).body("total.anticipatedUnderspend", pounds("1518.00"));

        // "This figure has remained constant for the past five financial years."
        funding("/partnerships/castle-point-rochford/funding-history")
                .body("from", equalTo(2016)).body("to", equalTo(2021))
                .body("years.gross", everyItem(equalTo(new BigDecimal("12337.00"))))
                .body("grossUnchangedForYears", equalTo(6));
        funding("/partnerships/castle-point-rochford/carry-forwards")
                .body("[0].fromYear", equalTo(2020)).body("[0].intoYear", equalTo(2021))
                .body("[0].status", equalTo("approved"))
                .body("[0].requested", pounds("10142.00")).body("[0].approved", pounds("10142.00"));
        // 2020/21 shows what left it for 2021/22, so its underspend is not counted twice.
        funding("/partnerships/castle-point-rochford/budget?year=2020").body("total.carriedOut", pounds("10142.00"));
        // The papers give no split of the money: every amount says it is an illustration.
        funding("/partnerships/castle-point-rochford/initiatives?year=2021")
                .body("amountIllustrative", everyItem(equalTo(true)))
                .body("status", everyItem(equalTo("approved")));
    }

    /** The quality bar of the reports: the paper's three figures, exactly, in JSON, HTML and PDF. */
    @Test
    void castlePointAndRochfordsScrutinyReportFor2021PrintsThePapersFigures() throws IOException {
        String statement = "Grant funding for 2021/22 amounted to £12,337; an underspend of £10,142 was approved to "
                + "roll over from 2020/21; the anticipated underspend is £1,518.";
        String report = stack.url("reporting") + "/api/v1/reports/" + jsonWithToken(admin)
                .body("{\"type\": \"scrutiny\", \"period\": {\"financialYear\": 2021}}")
                .post(stack.url("reporting") + "/api/v1/partnerships/castle-point-rochford/reports")
                .then().statusCode(201).extract().path("id");
        // reporting-service learns the budget from funding events: the draft shows it once they are in.
        await().atMost(Duration.ofSeconds(90)).until(() -> withToken(admin).accept("application/json").get(report)
                .then().statusCode(200).extract().path("content.funding.statement"), equalTo(statement));
        request().accept("application/json").get(report).then()
                .body("content.partnership.name", equalTo("Castle Point and Rochford Community Safety Partnership"))
                .body("content.funding.total.gross", pounds("12337.00"))
                .body("content.funding.carryForwards[0].approved", pounds("10142.00"))
                .body("content.funding.total.anticipatedUnderspend", pounds("1518.00"));
        String html = withToken(admin).accept("text/html").get(report).then().statusCode(200).extract().asString();
        assertThat(html, containsString(statement));
        byte[] pdf = withToken(admin).accept("application/pdf").get(report).then().statusCode(200).extract()
                .asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text, containsString(statement));
            assertThat(text, containsString("£22,479"));
        }
    }

    @Test
    void maldon2017HasItsGrantTopSlicedForTheCentralisedDhrProcess() {
        funding("/partnerships/maldon/allocations?year=2017")
                .body("$", hasSize(1))
                .body("[0].funderId", equalTo("essex-pfcc"))
                .body("[0].gross", pounds("14235.00"))
                .body("[0].topSliced", pounds("1708.00"))
                .body("[0].net", pounds("12527.00"))
                .body("[0].topSlices", hasSize(1))
                .body("[0].topSlices[0].amount", pounds("1708.00"))
                .body("[0].topSlices[0].purpose", equalTo("Centralised Domestic Homicide Review process"));
        ValidatableResponse budget = funding("/partnerships/maldon/budget?year=2017")
                .body("label", equalTo("2017/18"))
                .body("streams", hasSize(1));
        // No amounts of the six initiatives were published: they commit and forecast nothing.
        assertPosition(budget, "total", "14235.00", "1708.00", "0.00", "0.00", "0.00", "0.00");
        budget.body("total.net", pounds("12527.00")).body("total.available", pounds("12527.00"))
                .body("total.anticipatedUnderspend", pounds("12527.00"));
    }

    @Test
    void maldonsSixInitiativesAreTheRagsOf6October2017WithNoAmountInvented() {
        funding("/partnerships/maldon/initiatives?year=2017")
                .body("title", containsInAnyOrder(MALDON_RAG_INITIATIVES.toArray()))
                .body("amount", everyItem(nullValue()))
                .body("amountIllustrative", everyItem(equalTo(false)))
                .body("approvedOn", everyItem(equalTo("2017-10-06")))
                .body("approvedAtMeetingId", everyItem(notNullValue()))
                .body("priorityId", everyItem(notNullValue()))
                .body("status", everyItem(equalTo("approved")));
    }

    @Test
    void maldon2016HasTruCamsDevelopmentFunding() {
        ValidatableResponse budget = funding("/partnerships/maldon/budget?year=2016")
                .body("streams", hasSize(1))
                .body("streams[0].name", equalTo("Community Safety Development Fund"));
        assertPosition(budget, "total", "7000.00", "0.00", "0.00", "7000.00", "0.00", "7000.00");
        budget.body("total.anticipatedUnderspend", pounds("0.00"));
        funding("/partnerships/maldon/initiatives?year=2016")
                .body("$", hasSize(1))
                .body("[0].title", equalTo("Tru-Cam pilot: speed enforcement by Maldon District Council community "
                        + "protection officers"))
                .body("[0].amount", pounds("7000.00"))
                .body("[0].amountIllustrative", equalTo(false));
    }

    @Test
    void braintree2020HasItsBudgetAndTheCarryForwardFrom2019() {
        ValidatableResponse budget = funding("/partnerships/braintree/budget?year=2020")
                .body("label", equalTo("2020/21"))
                .body("streams", hasSize(1));
        assertPosition(budget, "total", "17739.00", "0.00", "8000.00", "0.00", "0.00", "0.00");
        budget.body("total.available", pounds("25739.00")).body("total.anticipatedUnderspend", pounds("25739.00"));
        funding("/partnerships/braintree/carry-forwards")
                .body("[0].fromYear", equalTo(2019)).body("[0].status", equalTo("approved"))
                .body("[0].approved", pounds("8000.00"));
    }

    /**
     * A budget line as funding-service answers it, from its inputs: net, available, remaining and
     * the anticipated underspend follow (and are checked) from these.
     */
    private static void assertPosition(ValidatableResponse budget, String line, String gross, String topSliced,
            String carriedIn, String committed, String spent, String forecast) {
        BigDecimal net = new BigDecimal(gross).subtract(new BigDecimal(topSliced));
        BigDecimal available = net.add(new BigDecimal(carriedIn));
        BigDecimal underspend = available.subtract(new BigDecimal(forecast));
        budget.body(line + ".gross", pounds(gross))
                .body(line + ".topSliced", pounds(topSliced))
                .body(line + ".net", equalTo(net))
                .body(line + ".carriedIn", pounds(carriedIn))
                .body(line + ".available", equalTo(available))
                .body(line + ".committed", pounds(committed))
                .body(line + ".spent", pounds(spent))
                .body(line + ".remaining", equalTo(available.subtract(new BigDecimal(spent))))
                .body(line + ".forecastOutturn", pounds(forecast))
                .body(line + ".anticipatedUnderspend", equalTo(underspend))
                .body(line + ".overspent", equalTo(underspend.signum() < 0));
    }

    /** Pounds to the penny, scale included: 12527.00, not 12527 or 12527.0. */
    private static Matcher<BigDecimal> pounds(String amount) {
        return equalTo(new BigDecimal(amount));
    }

    /** A GET of funding-service's API as platform-admin, answered 200, its numbers read as BigDecimal. */
    private static ValidatableResponse funding(String path) {
        return request().when().get(stack.url("funding") + "/api/v1" + path).then().statusCode(200);
    }

    private static RequestSpecification request() {
        return withToken(admin).config(RestAssured.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)));
    }

    /** Every list and budget of the demo data as funding-service answers it, by path. */
    private static Map<String, String> everythingFundingHolds() {
        List<String> paths = new ArrayList<>(List.of("/funders", "/funders/essex-pfcc/streams"));
        for (String partnership : PARTNERSHIPS) {
            String of = "/partnerships/" + partnership;
            paths.addAll(List.of(of + "/allocations", of + "/carry-forwards", of + "/initiatives",
                    of + "/funding-history"));
            for (int year = 2016; year <= 2021; year++) {
                paths.add(of + "/budget?year=" + year);
            }
        }
        Map<String, String> bodies = new LinkedHashMap<>();
        for (String path : paths) {
            bodies.put(path, funding(path).extract().asString());
        }
        return bodies;
    }
}
