package org.saferpartnerships.funding;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.testing.identity.TestTokens;

/** The rules of the money, as a partnership's officers and its funder meet them. */
@QuarkusTest
class FundingRulesTest {

    @Inject
    AgroalDataSource dataSource;

    private String partnership;
    private Funding funding;
    private String officer;
    private String funder;

    @BeforeEach
    void aPartnershipAndItsFunder() {
        partnership = Partnerships.partnership(dataSource);
        funding = Funding.funder();
        officer = Funding.partnershipOfficer(partnership);
        funder = funding.officer(partnership);
    }

    private String path(String rest) {
        return "/api/v1/partnerships/" + partnership + rest;
    }

    @Test
    void topSlicesAreWithheldFromTheGrossAndNeverExceedIt() {
        String allocation = funding.allocate(partnership, funding.coreGrant, 2017, "14235.00");
        jsonWithToken(funder).body("{\"amount\": 1708.00, \"purpose\": \"Centralised DHR process\"}")
                .post(path("/allocations/" + allocation + "/top-slices")).then().statusCode(201)
                .body("gross", equalTo(14235.00f)).body("topSliced", equalTo(1708.00f)).body("net", equalTo(12527.00f))
                // A top-slice is a change of the allocation: its version (the ETag, and events' order) moves.
                .body("version", equalTo(1));
        jsonWithToken(funder).body("{\"amount\": 12527.01, \"purpose\": \"More than is left\"}")
                .post(path("/allocations/" + allocation + "/top-slices")).then().statusCode(400)
                .body("detail", containsString("more than the allocation's 14235.00"));
        withToken(officer).queryParam("year", 2017).get(path("/budget")).then().statusCode(200)
                .body("total.gross", equalTo(14235.00f)).body("total.topSliced", equalTo(1708.00f))
                .body("total.net", equalTo(12527.00f)).body("total.available", equalTo(12527.00f));
    }

    @Test
    void aTopSliceNamingAStaleVersionOfTheAllocationIsRefusedAndTheCurrentOneApplies() throws SQLException {
        String allocation = funding.allocate(partnership, funding.coreGrant, 2021, "1000.00");
        String slices = path("/allocations/" + allocation + "/top-slices");
        String read = withToken(funder).get(path("/allocations/" + allocation)).then().statusCode(200).extract()
                .header("ETag");
        String afterFirst = jsonWithToken(funder).header("If-Match", read).body("{\"amount\": 100.00, \"purpose\": \"DHR\"}")
                .post(slices).then().statusCode(201).body("topSliced", equalTo(100.00f)).extract().header("ETag");
        long appended = eventsAppended();
        // Someone top-sliced since it was read: the caller decides again on what it is now.
        jsonWithToken(funder).header("If-Match", read).body("{\"amount\": 200.00, \"purpose\": \"DHR\"}").post(slices)
                .then().statusCode(412).body("detail", containsString("now version 1"));
        assertThat(eventsAppended(), equalTo(appended));
        withToken(funder).get(path("/allocations/" + allocation)).then().body("topSliced", equalTo(100.00f))
                .body("topSlices", hasSize(1)).header("ETag", equalTo(afterFirst));
        jsonWithToken(funder).header("If-Match", afterFirst).body("{\"amount\": 200.00, \"purpose\": \"DHR\"}")
                .post(slices).then().statusCode(201).body("topSliced", equalTo(300.00f)).body("version", equalTo(2));
    }

    @Test
    void moneyIsPoundsToThePennyNeverFractionsOfIt() {
        jsonWithToken(funder).body("""
                {"streamId": "%s", "financialYear": 2021, "gross": 12337.005, "awardedOn": "2021-04-01",
                 "reference": "G-1", "title": "Grant"}""".formatted(funding.coreGrant))
                .post(path("/allocations")).then().statusCode(400).body("violations[0].field", equalTo("gross"));
        jsonWithToken(funder).body("""
                {"streamId": "%s", "financialYear": 2021, "gross": 0.1, "awardedOn": "2021-04-01",
                 "reference": "G-2", "title": "Grant"}""".formatted(funding.coreGrant))
                .post(path("/allocations")).then().statusCode(201).body("gross", equalTo(0.10f));
    }

    @Test
    void anAmountBeyondPoundsAndPenceToTwelveDigitsIsA400NamingItsFieldAndStoresNothing() throws SQLException {
        String allocation = funding.allocate(partnership, funding.coreGrant, 2020, "1000.00");
        String initiative = Funding.initiative(partnership, funding.coreGrant, 2020, "100.00", "approved");
        String carryForward = jsonWithToken(officer).body("""
                {"streamId": "%s", "fromYear": 2020, "requested": 10.00, "reason": "Underspend"}"""
                .formatted(funding.coreGrant)).post(path("/carry-forwards")).then().statusCode(201).extract().path("id");
        String allocationTag = withToken(funder).get(path("/allocations/" + allocation)).then().extract().header("ETag");
        String initiativeTag = withToken(officer).get(path("/initiatives/" + initiative)).then().extract().header("ETag");
        String before = withToken(officer).queryParam("year", 2020).get(path("/budget")).then().extract().asString();
        long appended = eventsAppended();

        for (String amount : new String[] { "1e15", "1000000000000000", "1000000000000.00", "0.001", "12.345",
                "1e-3", "1e400", "1e-400" }) {
            tooMuch(jsonWithToken(funder).body("""
                    {"streamId": "%s", "financialYear": 2021, "gross": %s, "awardedOn": "2021-04-01",
                     "reference": "BIG", "title": "Grant"}""".formatted(funding.coreGrant, amount))
                    .post(path("/allocations")), amount, "gross");
            tooMuch(jsonWithToken(funder).header("If-Match", allocationTag).body("""
                    {"streamId": "%s", "financialYear": 2020, "gross": %s, "awardedOn": "2020-04-01",
                     "reference": "x", "title": "Grant"}""".formatted(funding.coreGrant, amount))
                    .put(path("/allocations/" + allocation)), amount, "gross");
            tooMuch(jsonWithToken(funder).body("{\"amount\": %s, \"purpose\": \"DHR\"}".formatted(amount))
                    .post(path("/allocations/" + allocation + "/top-slices")), amount, "amount");
            tooMuch(jsonWithToken(officer).body("""
                    {"streamId": "%s", "fromYear": 2020, "requested": %s, "reason": "Underspend"}"""
                    .formatted(funding.coreGrant, amount)).post(path("/carry-forwards")), amount, "requested");
            tooMuch(jsonWithToken(funder).body("{\"decision\": \"approved\", \"approved\": %s}".formatted(amount))
                    .post(path("/carry-forwards/" + carryForward + "/decision")), amount, "approved");
            tooMuch(jsonWithToken(officer).body("""
                    {"streamId": "%s", "financialYear": 2020, "title": "Big", "amount": %s, "status": "proposed"}"""
                    .formatted(funding.coreGrant, amount)).post(path("/initiatives")), amount, "amount");
            tooMuch(jsonWithToken(officer).header("If-Match", initiativeTag).body("""
                    {"streamId": "%s", "financialYear": 2020, "title": "Initiative", "amount": %s,
                     "approvedOn": "2020-06-01", "status": "approved"}""".formatted(funding.coreGrant, amount))
                    .put(path("/initiatives/" + initiative)), amount, "amount");
            tooMuch(jsonWithToken(officer).body(spend("2020-10-01", amount))
                    .post(path("/initiatives/" + initiative + "/spend")), amount, "amount");
        }

        assertThat(eventsAppended(), equalTo(appended));
        withToken(officer).queryParam("year", 2020).get(path("/budget")).then().body(equalTo(before));
        withToken(officer).queryParam("year", 2021).get(path("/allocations")).then().body("", hasSize(0));
        withToken(officer).get(path("/initiatives")).then().body("", hasSize(1));
        withToken(officer).get(path("/carry-forwards")).then().body("", hasSize(1)).body("[0].status", equalTo("requested"));
        withToken(officer).get(path("/initiatives/" + initiative + "/spend")).then().body("", hasSize(0));
    }

    @Test
    void aStreamsYearNeverAddsUpToMoreThanAFigureHoldsSoItsOutturnCanBeKept() {
        String most = "999999999999.99";
        funding.allocate(partnership, funding.coreGrant, 2018, most);
        String approved = Funding.initiative(partnership, funding.coreGrant, 2018, most, "approved");
        jsonWithToken(officer).body(spend("2018-10-01", most)).post(path("/initiatives/" + approved + "/spend"))
                .then().statusCode(201);
        // An overspend is allowed, but not past what the year's spent figure (and outturn) can hold.
        jsonWithToken(officer).body(spend("2018-10-02", "0.01")).post(path("/initiatives/" + approved + "/spend"))
                .then().statusCode(400).body("detail", containsString("amount: would bring"));

        funding.allocate(partnership, funding.coreGrant, 2019, "1.00");
        String asked = jsonWithToken(officer).body("""
                {"streamId": "%s", "fromYear": 2019, "requested": 1.00, "reason": "Underspend"}"""
                .formatted(funding.coreGrant)).post(path("/carry-forwards")).then().statusCode(201).extract().path("id");
        jsonWithToken(funder).body("{\"decision\": \"approved\", \"approved\": 1.00}")
                .post(path("/carry-forwards/" + asked + "/decision")).then().statusCode(200);
        // 2020/21 has 1.00 carried in: a grant of the most a figure holds would make more available than that.
        jsonWithToken(funder).body("""
                {"streamId": "%s", "financialYear": 2020, "gross": %s, "awardedOn": "2020-04-01",
                 "reference": "MOST", "title": "Grant"}""".formatted(funding.coreGrant, most))
                .post(path("/allocations")).then().statusCode(400).body("detail", containsString("gross: would bring"));
        funding.allocate(partnership, funding.coreGrant, 2020, "999999999998.99");

        withToken(officer).post(path("/budget/2018/closure")).then().statusCode(200)
                .body("total.forecastOutturn", equalTo(Float.parseFloat(most)));
        withToken(officer).get(path("/carry-forwards")).then().body("", hasSize(1));
    }

    private static void tooMuch(io.restassured.response.Response answer, String amount, String field) {
        String at = amount + " as " + field + ": " + answer.asString();
        assertThat(at, answer.statusCode(), equalTo(400));
        assertThat(at, answer.contentType(), equalTo(org.saferpartnerships.platform.api.HttpProblem.MEDIA_TYPE));
        assertThat(at, answer.jsonPath().getList("violations.field"), org.hamcrest.Matchers.hasItem(field));
    }

    @Test
    void oneAllocationPerStreamAndYear() {
        funding.allocate(partnership, funding.coreGrant, 2021, "12337.00");
        jsonWithToken(funder).body("""
                {"streamId": "%s", "financialYear": 2021, "gross": 1.00, "awardedOn": "2021-04-01",
                 "reference": "G-other", "title": "Grant"}""".formatted(funding.coreGrant))
                .post(path("/allocations")).then().statusCode(409);
    }

    @Test
    void onlyAnApprovedCarryForwardCountsAndInTheNextYear() {
        funding.allocate(partnership, funding.coreGrant, 2020, "12337.00");
        funding.allocate(partnership, funding.coreGrant, 2021, "12337.00");
        jsonWithToken(officer).body("""
                {"streamId": "%s", "fromYear": 2020, "requested": 12337.01, "reason": "More than there was"}"""
                .formatted(funding.coreGrant)).post(path("/carry-forwards")).then().statusCode(400);
        String asked = jsonWithToken(officer).body("""
                {"streamId": "%s", "fromYear": 2020, "requested": 10500.00, "reason": "Delayed projects"}"""
                .formatted(funding.coreGrant)).post(path("/carry-forwards")).then().statusCode(201)
                .body("status", equalTo("requested")).body("intoYear", equalTo(2021)).extract().path("id");
        withToken(officer).queryParam("year", 2021).get(path("/budget")).then().body("total.carriedIn", equalTo(0.00f));
        jsonWithToken(funder).body("{\"decision\": \"approved\", \"approved\": 10142.00, \"decidedOn\": \"2021-05-12\"}")
                .post(path("/carry-forwards/" + asked + "/decision")).then().statusCode(200)
                .body("status", equalTo("approved")).body("approved", equalTo(10142.00f));
        jsonWithToken(funder).body("{\"decision\": \"declined\"}")
                .post(path("/carry-forwards/" + asked + "/decision")).then().statusCode(409);
        withToken(officer).queryParam("year", 2021).get(path("/budget")).then()
                .body("total.carriedIn", equalTo(10142.00f)).body("total.available", equalTo(22479.00f));
        withToken(officer).queryParam("year", 2020).get(path("/budget")).then().body("total.carriedIn", equalTo(0.00f))
                .body("total.carriedOut", equalTo(10142.00f)).body("total.anticipatedUnderspend", equalTo(12337.00f));
    }

    @Test
    void aDeclineNamesNoAmountAndAnApprovalDoes() {
        funding.allocate(partnership, funding.coreGrant, 2020, "100.00");
        String asked = jsonWithToken(officer).body("""
                {"streamId": "%s", "fromYear": 2020, "requested": 50.00, "reason": "Delayed"}"""
                .formatted(funding.coreGrant)).post(path("/carry-forwards")).then().statusCode(201).extract().path("id");
        jsonWithToken(funder).body("{\"decision\": \"approved\"}").post(path("/carry-forwards/" + asked + "/decision"))
                .then().statusCode(400);
        jsonWithToken(funder).body("{\"decision\": \"declined\", \"approved\": 10.00}")
                .post(path("/carry-forwards/" + asked + "/decision")).then().statusCode(400);
        jsonWithToken(funder).body("{\"decision\": \"declined\", \"note\": \"Not this year\"}")
                .post(path("/carry-forwards/" + asked + "/decision")).then().statusCode(200)
                .body("status", equalTo("declined"));
        jsonWithToken(officer).body("""
                {"streamId": "%s", "fromYear": 2020, "requested": 40.00, "reason": "Asked again"}"""
                .formatted(funding.coreGrant)).post(path("/carry-forwards")).then().statusCode(201);
    }

    @Test
    void initiativesServeThePartnershipsOwnPrioritiesAndMoveForwardOnly() {
        funding.allocate(partnership, funding.coreGrant, 2017, "14235.00");
        UUID ownPriority = Partnerships.priority(dataSource, partnership, 2017);
        UUID otherPriority = Partnerships.priority(dataSource, Partnerships.partnership(dataSource), 2017);
        UUID meeting = Partnerships.meeting(dataSource, partnership, LocalDate.of(2017, 10, 6));
        jsonWithToken(officer).body(initiative(otherPriority, null, "approved", "null"))
                .post(path("/initiatives")).then().statusCode(400).body("detail", containsString("priorityId"));
        UUID nextYearsPriority = Partnerships.priority(dataSource, partnership, 2018);
        jsonWithToken(officer).body(initiative(nextYearsPriority, null, "proposed", "null"))
                .post(path("/initiatives")).then().statusCode(400)
                .body("detail", containsString("priorityId: a priority of " + partnership + "'s 2018/19 plan"));
        jsonWithToken(officer).body(initiative(ownPriority, null, "approved", "null").replace("\"approvedOn\": null, ", ""))
                .post(path("/initiatives")).then().statusCode(400).body("detail", containsString("approvedOn"));
        String id = jsonWithToken(officer).body(initiative(ownPriority, meeting, "approved", "null"))
                .post(path("/initiatives")).then().statusCode(201).body("approvedOn", equalTo("2017-10-06"))
                .body("amount", equalTo(null)).extract().path("id");
        String etag = withToken(officer).get(path("/initiatives/" + id)).then().statusCode(200).extract().header("ETag");
        jsonWithToken(officer).header("If-Match", etag).body(initiative(ownPriority, meeting, "proposed", "null"))
                .put(path("/initiatives/" + id)).then().statusCode(409);
        etag = jsonWithToken(officer).header("If-Match", etag).body(initiative(ownPriority, meeting, "completed", "null"))
                .put(path("/initiatives/" + id)).then().statusCode(200).extract().header("ETag");
        jsonWithToken(officer).header("If-Match", etag).body(initiative(ownPriority, meeting, "cancelled", "null"))
                .put(path("/initiatives/" + id)).then().statusCode(409);
        jsonWithToken(officer).body(initiative(null, null, "proposed", "500.00").replace("\"amountIllustrative\": false",
                "\"amountIllustrative\": true").replace("500.00", "null")).post(path("/initiatives")).then().statusCode(400);
    }

    @Test
    void anInitiativeCommitsMoneyOfAStreamThatFundsThePartnershipInItsYear() {
        String devFund2021 = """
                {"streamId": "%s", "financialYear": 2021, "title": "Tru-Cam", "status": "proposed"}"""
                .formatted(funding.developmentFund);
        jsonWithToken(officer).body(devFund2021).post(path("/initiatives")).then().statusCode(409)
                .body("detail", containsString("Development fund gives " + partnership + " no money in 2021/22"));
        funding.allocate(partnership, funding.coreGrant, 2021, "12337.00");
        String id = Funding.initiative(partnership, funding.coreGrant, 2021, "100.00", "proposed");
        String etag = withToken(officer).get(path("/initiatives/" + id)).then().extract().header("ETag");
        jsonWithToken(officer).header("If-Match", etag).body(devFund2021).put(path("/initiatives/" + id)).then()
                .statusCode(409).body("detail", containsString("no money in 2021/22"));
        withToken(officer).get(path("/initiatives")).then().body("", hasSize(1))
                .body("[0].streamId", equalTo(funding.coreGrant));

        // Money carried in from the year before is the stream's money in the year too.
        funding.allocate(partnership, funding.developmentFund, 2020, "7000.00");
        String asked = jsonWithToken(officer).body("""
                {"streamId": "%s", "fromYear": 2020, "requested": 2000.00, "reason": "Delayed"}"""
                .formatted(funding.developmentFund)).post(path("/carry-forwards")).then().statusCode(201)
                .extract().path("id");
        jsonWithToken(officer).body(devFund2021).post(path("/initiatives")).then().statusCode(409);
        jsonWithToken(funder).body("{\"decision\": \"approved\", \"approved\": 2000.00}")
                .post(path("/carry-forwards/" + asked + "/decision")).then().statusCode(200);
        jsonWithToken(officer).body(devFund2021).post(path("/initiatives")).then().statusCode(201);
    }

    private String initiative(UUID priority, UUID meeting, String status, String amount) {
        return """
                {"streamId": "%s", "financialYear": 2017, "title": "Tru-Cam", "priorityId": %s, "amount": %s,
                 "amountIllustrative": false, "approvedOn": null, "approvedAtMeetingId": %s, "status": "%s"}"""
                .formatted(funding.coreGrant, priority == null ? "null" : "\"" + priority + "\"", amount,
                        meeting == null ? "null" : "\"" + meeting + "\"", status);
    }

    @Test
    void spendIsDatedInItsYearOnApprovedWorkAndCorrectedOnlyByReversal() {
        funding.allocate(partnership, funding.coreGrant, 2021, "1000.00");
        String proposed = Funding.initiative(partnership, funding.coreGrant, 2021, "300.00", "proposed");
        jsonWithToken(officer).body(spend("2021-09-14", "10.00")).post(path("/initiatives/" + proposed + "/spend"))
                .then().statusCode(409);
        String approved = Funding.initiative(partnership, funding.coreGrant, 2021, "300.00", "approved");
        jsonWithToken(officer).body(spend("2022-04-01", "10.00")).post(path("/initiatives/" + approved + "/spend"))
                .then().statusCode(400).body("detail", containsString("2021/22"));
        String line = jsonWithToken(officer).body(spend("2022-03-31", "245.50"))
                .post(path("/initiatives/" + approved + "/spend")).then().statusCode(201).extract().path("id");
        String reversal = jsonWithToken(officer).body("{\"reason\": \"Wrong initiative\", \"reversedOn\": \"2022-03-31\"}")
                .post(path("/initiatives/" + approved + "/spend/" + line + "/reversal")).then().statusCode(201)
                .body("amount", equalTo(-245.50f)).body("reversesId", equalTo(line)).extract().path("id");
        jsonWithToken(officer).body("{\"reason\": \"Again\"}")
                .post(path("/initiatives/" + approved + "/spend/" + line + "/reversal")).then().statusCode(409);
        jsonWithToken(officer).body("{\"reason\": \"Undo the undo\"}")
                .post(path("/initiatives/" + approved + "/spend/" + reversal + "/reversal")).then().statusCode(400);
        withToken(officer).get(path("/initiatives/" + approved + "/spend")).then().statusCode(200)
                .body("", hasSize(2)).body("[0].reversedById", equalTo(reversal));
        withToken(officer).queryParam("year", 2021).get(path("/budget")).then()
                .body("total.spent", equalTo(0.00f)).body("total.committed", equalTo(300.00f))
                .body("total.forecastOutturn", equalTo(300.00f)).body("total.anticipatedUnderspend", equalTo(700.00f));
    }

    private static String spend(String on, String amount) {
        return "{\"spentOn\": \"%s\", \"amount\": %s, \"description\": \"Invoice\"}".formatted(on, amount);
    }

    @Test
    void anOverspendIsFlagged() {
        funding.allocate(partnership, funding.coreGrant, 2021, "100.00");
        String approved = Funding.initiative(partnership, funding.coreGrant, 2021, "80.00", "approved");
        jsonWithToken(officer).body(spend("2021-10-01", "130.00")).post(path("/initiatives/" + approved + "/spend"))
                .then().statusCode(201);
        withToken(officer).queryParam("year", 2021).get(path("/budget")).then()
                .body("total.forecastOutturn", equalTo(130.00f)).body("total.anticipatedUnderspend", equalTo(-30.00f))
                .body("total.overspent", equalTo(true)).body("total.remaining", equalTo(-30.00f));
    }

    @Test
    void aCarryForwardIsAtMostWhatIsLeftOnceSpendIsCounted() {
        funding.allocate(partnership, funding.coreGrant, 2020, "1000.00");
        String approved = Funding.initiative(partnership, funding.coreGrant, 2020, "900.00", "approved");
        jsonWithToken(officer).body(spend("2020-10-01", "900.00")).post(path("/initiatives/" + approved + "/spend"))
                .then().statusCode(201);
        jsonWithToken(officer).body("""
                {"streamId": "%s", "fromYear": 2020, "requested": 100.01, "reason": "Spent already"}"""
                .formatted(funding.coreGrant)).post(path("/carry-forwards")).then().statusCode(400)
                .body("detail", containsString("100.00 left"));
        jsonWithToken(officer).body("""
                {"streamId": "%s", "fromYear": 2020, "requested": 100.00, "reason": "What is left"}"""
                .formatted(funding.coreGrant)).post(path("/carry-forwards")).then().statusCode(201);
    }

    @Test
    void noPoundCarriedIntoTheNextYearIsSpentOrWithheldInTheYearItLeft() {
        String allocation = funding.allocate(partnership, funding.coreGrant, 2020, "1000.00");
        funding.allocate(partnership, funding.coreGrant, 2021, "1000.00");
        String approved = Funding.initiative(partnership, funding.coreGrant, 2020, "900.00", "approved");
        String line = jsonWithToken(officer).body(spend("2020-10-01", "600.00"))
                .post(path("/initiatives/" + approved + "/spend")).then().statusCode(201).extract().path("id");
        String asked = jsonWithToken(officer).body("""
                {"streamId": "%s", "fromYear": 2020, "requested": 300.00, "reason": "Delayed"}"""
                .formatted(funding.coreGrant)).post(path("/carry-forwards")).then().statusCode(201).extract().path("id");
        jsonWithToken(funder).body("{\"decision\": \"approved\", \"approved\": 300.00}")
                .post(path("/carry-forwards/" + asked + "/decision")).then().statusCode(200);

        // 1,000 available, 600 spent, 300 counting in 2021/22: 100 is left to spend in 2020/21.
        jsonWithToken(officer).body(spend("2021-03-01", "100.01")).post(path("/initiatives/" + approved + "/spend"))
                .then().statusCode(409).body("detail", containsString("100.00 left"))
                .body("detail", containsString("300.00 of it to be carried into 2021/22"));
        jsonWithToken(funder).body("{\"amount\": 100.01, \"purpose\": \"DHR\"}")
                .post(path("/allocations/" + allocation + "/top-slices")).then().statusCode(409);
        String reference = withToken(funder).get(path("/allocations/" + allocation)).then().extract().path("reference");
        String etag = withToken(funder).get(path("/allocations/" + allocation)).then().extract().header("ETag");
        jsonWithToken(funder).header("If-Match", etag).body("""
                {"streamId": "%s", "financialYear": 2020, "gross": 899.99, "awardedOn": "2020-04-01",
                 "reference": "%s", "title": "Grant 2020"}""".formatted(funding.coreGrant, reference))
                .put(path("/allocations/" + allocation)).then().statusCode(409);
        withToken(officer).queryParam("year", 2020).get(path("/budget")).then().body("total.spent", equalTo(600.00f))
                .body("total.net", equalTo(1000.00f));

        jsonWithToken(officer).body(spend("2021-03-01", "100.00")).post(path("/initiatives/" + approved + "/spend"))
                .then().statusCode(201);
        jsonWithToken(officer).body("{\"reason\": \"Wrong initiative\"}")
                .post(path("/initiatives/" + approved + "/spend/" + line + "/reversal")).then().statusCode(201);
        withToken(officer).queryParam("year", 2020).get(path("/budget")).then().body("total.spent", equalTo(100.00f))
                .body("total.carriedOut", equalTo(300.00f)).body("total.remaining", equalTo(900.00f));
        withToken(officer).queryParam("year", 2021).get(path("/budget")).then()
                .body("total.carriedIn", equalTo(300.00f)).body("total.available", equalTo(1300.00f));
    }

    @Test
    void closingAYearFixesItsOutturnProposesTheCarryForwardAndFreezesIt() {
        String allocation = funding.allocate(partnership, funding.coreGrant, 2019, "17739.00");
        String approved = Funding.initiative(partnership, funding.coreGrant, 2019, "12000.00", "approved");
        jsonWithToken(officer).body(spend("2019-11-01", "9739.00")).post(path("/initiatives/" + approved + "/spend"))
                .then().statusCode(201);
        int thisYear = org.saferpartnerships.funding.budget.FinancialYear.of(LocalDate.now()).startYear();
        withToken(officer).post(path("/budget/" + thisYear + "/closure")).then().statusCode(409)
                .body("detail", containsString("closed after its end"));
        funding.allocate(partnership, funding.coreGrant, 2018, "100.00");
        String into2019 = jsonWithToken(officer).body("""
                {"streamId": "%s", "fromYear": 2018, "requested": 50.00, "reason": "Underspend"}"""
                .formatted(funding.coreGrant)).post(path("/carry-forwards")).then().statusCode(201).extract().path("id");
        withToken(officer).post(path("/budget/2019/closure")).then().statusCode(409)
                .body("detail", containsString("awaits the funder's decision"));
        jsonWithToken(funder).body("{\"decision\": \"declined\"}").post(path("/carry-forwards/" + into2019 + "/decision"))
                .then().statusCode(200);
        withToken(officer).post(path("/budget/2019/closure")).then().statusCode(200).body("status", equalTo("closed"))
                .body("total.forecastOutturn", equalTo(9739.00f)).body("total.anticipatedUnderspend", equalTo(8000.00f));
        withToken(officer).get(path("/carry-forwards")).then().body("", hasSize(2))
                .body("[1].requested", equalTo(8000.00f)).body("[1].status", equalTo("requested"))
                .body("[1].fromYear", equalTo(2019));
        withToken(officer).post(path("/budget/2019/closure")).then().statusCode(409);
        jsonWithToken(officer).body(spend("2019-12-01", "1.00")).post(path("/initiatives/" + approved + "/spend"))
                .then().statusCode(409);
        jsonWithToken(funder).body("{\"amount\": 1.00, \"purpose\": \"Late\"}")
                .post(path("/allocations/" + allocation + "/top-slices")).then().statusCode(409);
        jsonWithToken(officer).body("""
                {"streamId": "%s", "financialYear": 2019, "title": "Late", "status": "proposed"}"""
                .formatted(funding.coreGrant)).post(path("/initiatives")).then().statusCode(409);
    }

    @Test
    void viewersSeeABudgetOnlyOnceItIsPublished() {
        funding.allocate(partnership, funding.coreGrant, 2021, "12337.00");
        String viewer = TestTokens.withRole(Roles.VIEWER, partnership);
        withToken(viewer).queryParam("year", 2021).get(path("/budget")).then().statusCode(404);
        withToken(viewer).queryParam("year", 2021).get(path("/allocations")).then().statusCode(403);
        withToken(officer).post(path("/budget/2021/publication")).then().statusCode(200)
                .body("status", equalTo("published"));
        withToken(viewer).queryParam("year", 2021).get(path("/budget")).then().statusCode(200)
                .body("total.gross", equalTo(12337.00f));
        withToken(TestTokens.withRole(Roles.VIEWER, "another-partnership")).queryParam("year", 2021)
                .get(path("/budget")).then().statusCode(404);
    }

    @Test
    void aPutThatChangesNothingNeitherMovesTheVersionNorPublishes() throws SQLException {
        String allocation = funding.allocate(partnership, funding.coreGrant, 2021, "12337.00");
        String reference = withToken(funder).get(path("/allocations/" + allocation)).then().extract().path("reference");
        String initiative = Funding.initiative(partnership, funding.coreGrant, 2021, "300.00", "approved");
        String allocationBody = """
                {"streamId": "%s", "financialYear": 2021, "gross": 12337.00, "awardedOn": "2021-04-01",
                 "reference": "%s", "title": "%s"}""";
        String initiativeBody = """
                {"streamId": "%s", "financialYear": 2021, "title": "%s", "amount": 300.00,
                 "approvedOn": "2021-06-01", "status": "approved"}""";
        String funderBody = """
                {"id": "%1$s", "name": "%2$s", "kind": "commissioner", "orgId": "GB-GOVUK-%1$s",
                 "grantPrefix": "360G-%1$s"}""";
        String funderPath = "/api/v1/funders/" + funding.funderId;
        String streamPath = funderPath + "/streams/" + funding.coreGrant;

        long appended = eventsAppended();
        unchanged(funder, path("/allocations/" + allocation), allocationBody.formatted(funding.coreGrant, reference,
                "Grant 2021"));
        unchanged(officer, path("/initiatives/" + initiative), initiativeBody.formatted(funding.coreGrant, "Initiative"));
        unchanged(Funding.ADMIN, funderPath, funderBody.formatted(funding.funderId, "Commissioner " + funding.funderId));
        unchanged(funder, streamPath, "{\"name\": \"Core grant\", \"kind\": \"core-grant\"}");
        assertThat(eventsAppended(), equalTo(appended));

        // A PUT that does change something still moves the version and publishes the change.
        changed(funder, path("/allocations/" + allocation), allocationBody.formatted(funding.coreGrant, reference,
                "Grant 2021/22"));
        changed(officer, path("/initiatives/" + initiative), initiativeBody.formatted(funding.coreGrant, "Renamed"));
        changed(Funding.ADMIN, funderPath, funderBody.formatted(funding.funderId, "Renamed"));
        changed(funder, streamPath, "{\"name\": \"Core grant renamed\", \"kind\": \"core-grant\"}");
        assertThat(eventsAppended(), equalTo(appended + 4));
    }

    private static void unchanged(String token, String path, String body) {
        String etag = withToken(token).get(path).then().statusCode(200).extract().header("ETag");
        jsonWithToken(token).header("If-Match", etag).body(body).put(path).then().statusCode(200)
                .header("ETag", equalTo(etag));
    }

    private static void changed(String token, String path, String body) {
        String etag = withToken(token).get(path).then().statusCode(200).extract().header("ETag");
        jsonWithToken(token).header("If-Match", etag).body(body).put(path).then().statusCode(200)
                .header("ETag", org.hamcrest.Matchers.not(equalTo(etag)));
    }

    /** Events ever appended to the outbox (the relay deletes those it has published), by its id sequence. */
    private long eventsAppended() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection.createStatement().executeQuery(
                        "select case when is_called then last_value else 0 end from outbox_event_id_seq")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void theHistoryTellsHowLongTheGrantHasBeenFlat() {
        for (int year = 2016; year <= 2021; year++) {
            funding.allocate(partnership, funding.coreGrant, year, "12337.00");
        }
        funding.allocate(partnership, funding.developmentFund, 2016, "7000.00");
        withToken(officer).queryParam("stream", funding.coreGrant).get(path("/funding-history")).then().statusCode(200)
                .body("from", equalTo(2016)).body("to", equalTo(2021)).body("years", hasSize(6))
                .body("years[5].label", equalTo("2021/22")).body("years[5].changeInGross", equalTo(0.00f))
                .body("grossUnchangedForYears", equalTo(6));
        withToken(officer).get(path("/funding-history")).then().statusCode(200)
                .body("years[0].gross", equalTo(19337.00f)).body("grossUnchangedForYears", equalTo(5));
        withToken(officer).queryParam("from", 2022).queryParam("to", 2021).get(path("/funding-history")).then()
                .statusCode(400);
    }
}
