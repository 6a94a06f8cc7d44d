package org.saferpartnerships.reporting.budget;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.saferpartnerships.platform.events.Topics;
import org.saferpartnerships.platform.events.funding.AllocationMade;
import org.saferpartnerships.platform.events.funding.CarryForwardChanged;
import org.saferpartnerships.platform.events.funding.FinancialYearChanged;
import org.saferpartnerships.platform.events.funding.FinancialYearChanged.StreamOutturn;
import org.saferpartnerships.platform.events.funding.FunderChanged;
import org.saferpartnerships.platform.events.funding.FundingStreamChanged;
import org.saferpartnerships.platform.events.funding.InitiativeChanged;
import org.saferpartnerships.platform.events.funding.SpendRecorded;
import org.saferpartnerships.platform.events.funding.TopSliceApplied;
import org.saferpartnerships.platform.funding.BudgetLine;
import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.reporting.budget.BudgetPosition.StreamPosition;
import org.saferpartnerships.testing.identity.TestTokens;
import org.saferpartnerships.testing.kafka.TestKafka;

/** Funding events come to exactly the budget position funding-service would answer with, to the penny. */
@QuarkusTest
class BudgetProjectionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String GROUP = "reporting-service.budget";
    private static final int YEAR = 2024;

    @Inject
    BudgetProjection budget;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aYearComesToItsAllocationsTopSlicesCarryForwardsCommitmentsAndSpend() {
        String p = "p-" + UUID.randomUUID();
        String funder = "pfcc-" + UUID.randomUUID();
        UUID safety = UUID.randomUUID();
        UUID violence = UUID.randomUUID();
        UUID allocation = UUID.randomUUID();
        UUID carried = UUID.randomUUID();
        UUID declined = UUID.randomUUID();
        UUID patrols = UUID.randomUUID();
        UUID mentoring = UUID.randomUUID();
        UUID cctv = UUID.randomUUID();
        UUID outreach = UUID.randomUUID();
        UUID knifeBins = UUID.randomUUID();
        UUID returned = UUID.randomUUID();
        SpendRecorded firstPatrols = spend(UUID.randomUUID(), patrols, p, safety, "12000.00");

        FundingEvents.publish(
                new FunderChanged(FunderChanged.Change.REGISTERED, funder, "Essex PFCC", "pcc", null, "CSF", 0),
                new FundingStreamChanged(FundingStreamChanged.Change.OPENED, safety, funder, "Community Safety Fund",
                        "grant", 0),
                new FundingStreamChanged(FundingStreamChanged.Change.OPENED, violence, funder, "Serious violence",
                        "grant", 0),
                new FundingStreamChanged(FundingStreamChanged.Change.UPDATED, violence, funder,
                        "Serious Violence Duty", "grant", 1),
                allocation(AllocationMade.Change.MADE, allocation, p, funder, safety, YEAR, "100000.00", "0.00", 1),
                new TopSliceApplied(UUID.randomUUID(), allocation, p, safety, YEAR, pounds("5000.00"),
                        "Domestic Homicide Reviews", pounds("5000.00"), pounds("95000.00"), 2),
                allocation(AllocationMade.Change.REVISED, allocation, p, funder, safety, YEAR, "120000.00", "5000.00",
                        3),
                // The first version again, late: older than what is kept, so it changes nothing.
                allocation(AllocationMade.Change.MADE, allocation, p, funder, safety, YEAR, "100000.00", "0.00", 1),
                allocation(AllocationMade.Change.MADE, UUID.randomUUID(), p, funder, violence, YEAR, "40000.00",
                        "0.00", 1),
                allocation(AllocationMade.Change.MADE, UUID.randomUUID(), p, funder, safety, YEAR - 1, "90000.00",
                        "0.00", 1),
                carryForward(CarryForwardChanged.Change.REQUESTED, carried, p, safety, YEAR - 1, "requested", null, 1),
                carryForward(CarryForwardChanged.Change.DECIDED, carried, p, safety, YEAR - 1, "approved", "2500.00",
                        2),
                carryForward(CarryForwardChanged.Change.REQUESTED, declined, p, violence, YEAR - 1, "requested", null,
                        1),
                carryForward(CarryForwardChanged.Change.DECIDED, declined, p, violence, YEAR - 1, "declined", null, 2),
                // Carried out of the year into the next: the next year's money.
                carryForward(CarryForwardChanged.Change.DECIDED, UUID.randomUUID(), p, safety, YEAR, "approved",
                        "1000.00", 2),
                initiative(InitiativeChanged.Change.APPROVED, patrols, p, safety, "30000.00", "approved", 1),
                initiative(InitiativeChanged.Change.APPROVED, mentoring, p, safety, "20000.00", "approved", 1),
                initiative(InitiativeChanged.Change.CHANGED, mentoring, p, safety, "20000.00", "completed", 2),
                initiative(InitiativeChanged.Change.APPROVED, cctv, p, safety, "10000.00", "approved", 1),
                initiative(InitiativeChanged.Change.CHANGED, cctv, p, safety, "10000.00", "cancelled", 2),
                initiative(InitiativeChanged.Change.PROPOSED, UUID.randomUUID(), p, safety, "8000.00", "proposed", 1),
                initiative(InitiativeChanged.Change.APPROVED, outreach, p, violence, null, "approved", 1),
                initiative(InitiativeChanged.Change.PROPOSED, knifeBins, p, violence, "15000.00", "proposed", 1),
                initiative(InitiativeChanged.Change.APPROVED, knifeBins, p, violence, "15000.00", "approved", 2),
                firstPatrols,
                spend(returned, patrols, p, safety, "4000.00"),
                new SpendRecorded(SpendRecorded.Change.REVERSED, UUID.randomUUID(), patrols, p, safety, YEAR,
                        LocalDate.of(2024, 9, 1), pounds("-4000.00"), "Invoiced twice", returned),
                spend(UUID.randomUUID(), mentoring, p, safety, "21500.50"),
                spend(UUID.randomUUID(), cctv, p, safety, "1234.56"),
                spend(UUID.randomUUID(), outreach, p, violence, "2750.25"));
        // The first line again: re-sent as a new event, which is delivered twice, and re-sent once more.
        TestKafka.Outgoing again = FundingEvents.record(UUID.randomUUID().toString(), firstPatrols);
        FundingEvents.sendAll(List.of(again, again));
        FundingEvents.publish(firstPatrols, new FinancialYearChanged(FinancialYearChanged.Change.PUBLISHED, p, YEAR,
                "published", LocalDate.of(2024, 5, 20), List.of()));

        BudgetLine safetyLine = new BudgetLine(pounds("120000.00"), pounds("5000.00"), pounds("115000.00"),
                pounds("2500.00"), pounds("117500.00"), pounds("50000.00"), pounds("34735.06"), pounds("82764.94"),
                pounds("52735.06"), pounds("64764.94"), pounds("1000.00"), false);
        BudgetLine violenceLine = new BudgetLine(pounds("40000.00"), pounds("0.00"), pounds("40000.00"),
                pounds("0.00"), pounds("40000.00"), pounds("15000.00"), pounds("2750.25"), pounds("37249.75"),
                pounds("17750.25"), pounds("22249.75"), pounds("0.00"), false);
        BudgetLine total = new BudgetLine(pounds("160000.00"), pounds("5000.00"), pounds("155000.00"),
                pounds("2500.00"), pounds("157500.00"), pounds("65000.00"), pounds("37485.31"), pounds("120014.69"),
                pounds("70485.31"), pounds("87014.69"), pounds("1000.00"), false);
        await().atMost(PATIENCE).until(() -> budget.positionOf(p, YEAR), equalTo(new BudgetPosition(p, YEAR,
                "published", List.of(
                        new StreamPosition(safety, funder, "Essex PFCC", "Community Safety Fund", safetyLine),
                        new StreamPosition(violence, funder, "Essex PFCC", "Serious Violence Duty", violenceLine)),
                total)));
    }

    @Test
    void closingTheYearFixesTheForecastOfEachStreamItGaveAnOutturnFor() {
        String p = "p-" + UUID.randomUUID();
        String funder = "pfcc-" + UUID.randomUUID();
        UUID safety = UUID.randomUUID();
        UUID youth = UUID.randomUUID();
        UUID patrols = UUID.randomUUID();
        FundingEvents.publish(
                new FunderChanged(FunderChanged.Change.REGISTERED, funder, "Kent PCC", "pcc", null, "KCS", 0),
                new FundingStreamChanged(FundingStreamChanged.Change.OPENED, safety, funder, "Community Safety Fund",
                        "grant", 0),
                new FundingStreamChanged(FundingStreamChanged.Change.OPENED, youth, funder, "Youth Diversion", "grant",
                        0),
                allocation(AllocationMade.Change.MADE, UUID.randomUUID(), p, funder, safety, YEAR, "50000.00", "0.00",
                        1),
                allocation(AllocationMade.Change.MADE, UUID.randomUUID(), p, funder, youth, YEAR, "20000.00", "0.00",
                        1),
                initiative(InitiativeChanged.Change.APPROVED, patrols, p, safety, "30000.00", "approved", 1),
                initiative(InitiativeChanged.Change.APPROVED, UUID.randomUUID(), p, youth, "5000.00", "approved", 1),
                spend(UUID.randomUUID(), patrols, p, safety, "10000.00"));
        await().atMost(PATIENCE).until(() -> budget.positionOf(p, YEAR).total().forecastOutturn(),
                equalTo(pounds("35000.00")));
        assertThat(budget.positionOf(p, YEAR).status(), equalTo(BudgetProjection.OPEN));

        FundingEvents.publish(new FinancialYearChanged(FinancialYearChanged.Change.CLOSED, p, YEAR, "closed",
                LocalDate.of(2025, 4, 30), List.of(new StreamOutturn(safety, pounds("50000.00"), pounds("10000.00"),
                        pounds("40000.00")))));

        BudgetPosition closed = new BudgetPosition(p, YEAR, "closed", List.of(
                new StreamPosition(safety, funder, "Kent PCC", "Community Safety Fund",
                        new BudgetLine(pounds("50000.00"), pounds("0.00"), pounds("50000.00"), pounds("0.00"),
                                pounds("50000.00"), pounds("30000.00"), pounds("10000.00"), pounds("40000.00"),
                                pounds("10000.00"), pounds("40000.00"), pounds("0.00"), false)),
                new StreamPosition(youth, funder, "Kent PCC", "Youth Diversion",
                        new BudgetLine(pounds("20000.00"), pounds("0.00"), pounds("20000.00"), pounds("0.00"),
                                pounds("20000.00"), pounds("5000.00"), pounds("0.00"), pounds("20000.00"),
                                pounds("5000.00"), pounds("15000.00"), pounds("0.00"), false))),
                new BudgetLine(pounds("70000.00"), pounds("0.00"), pounds("70000.00"), pounds("0.00"),
                        pounds("70000.00"), pounds("35000.00"), pounds("10000.00"), pounds("60000.00"),
                        pounds("15000.00"), pounds("55000.00"), pounds("0.00"), false));
        await().atMost(PATIENCE).until(() -> budget.positionOf(p, YEAR), equalTo(closed));

        // A published event after the close (a dead letter redriven late) does not reopen the year.
        FundingEvents.publish(
                new FinancialYearChanged(FinancialYearChanged.Change.PUBLISHED, p, YEAR, "published",
                        LocalDate.of(2024, 5, 20), List.of()),
                new SpendRecorded(SpendRecorded.Change.RECORDED, UUID.randomUUID(), UUID.randomUUID(), p, safety,
                        YEAR + 1, LocalDate.of(2025, 5, 1), pounds("1.00"), "Next year's first line", null));
        await().atMost(PATIENCE).until(() -> budget.positionOf(p, YEAR + 1).total().spent(), equalTo(pounds("1.00")));
        assertThat(budget.positionOf(p, YEAR), equalTo(closed));
    }

    @Test
    void poisonFundingEventsAreDeadLetteredAndTheirNeighboursApplied() {
        String p = "p-" + UUID.randomUUID();
        UUID stream = UUID.randomUUID();
        UUID initiative = UUID.randomUUID();
        String unreadable = UUID.randomUUID().toString();
        String fractionOfAPenny = UUID.randomUUID().toString();
        String forged = UUID.randomUUID().toString();
        String unknownType = UUID.randomUUID().toString();
        FundingEvents.sendAll(List.of(
                FundingEvents.record(UUID.randomUUID().toString(), spend(UUID.randomUUID(), initiative, p, stream,
                        "10.00")),
                FundingEvents.raw(unreadable, SpendRecorded.RECORDED_TYPE, "/funding-service", p,
                        "{\"spendLineId\": \"not json"),
                FundingEvents.record(fractionOfAPenny, spend(UUID.randomUUID(), initiative, p, stream, "0.005")),
                FundingEvents.raw(forged, SpendRecorded.RECORDED_TYPE, "/partnership-service", p,
                        FundingEvents.record(forged, spend(UUID.randomUUID(), initiative, p, stream, "1000.00"))
                                .value()),
                FundingEvents.raw(unknownType, "funding.clawback.v1", "/funding-service", p, "{}"),
                FundingEvents.record(UUID.randomUUID().toString(), spend(UUID.randomUUID(), initiative, p, stream,
                        "20.00"))));

        await().atMost(PATIENCE).until(() -> budget.positionOf(p, YEAR).total().spent(), equalTo(pounds("30.00")));
        Set<String> poison = Set.of(unreadable, fractionOfAPenny, forged);
        List<ConsumerRecord<String, String>> dead = TestKafka.awaitRecords(Topics.deadLetterTopicOf(GROUP),
                r -> poison.contains(TestKafka.header(r, "ce_id")), 3, PATIENCE);
        assertThat(dead.stream().map(r -> TestKafka.header(r, "ce_id")).toList(),
                containsInAnyOrder(poison.toArray()));
        assertThat(dead.stream().map(r -> TestKafka.header(r, "dead-letter-topic")).toList(),
                everyItem(equalTo(Topics.FUNDING_EVENTS)));
        // A type newer than this consumer is passed over, not dead-lettered.
        assertThat(TestKafka.recordsNow(Topics.deadLetterTopicOf(GROUP),
                r -> unknownType.equals(TestKafka.header(r, "ce_id"))), empty());
    }

    @Test
    void aSpendLineDeadLetteredByAFaultIsAppliedOnceByARedriveAfterTheFix() throws SQLException {
        String p = "p-" + UUID.randomUUID();
        UUID stream = UUID.randomUUID();
        UUID initiative = UUID.randomUUID();
        UUID refusedLine = UUID.randomUUID();
        String refusedEvent = UUID.randomUUID().toString();
        // A rule that refuses the one line, as a bad deployment would.
        execute("alter table budget_spend_line add constraint budget_spend_line_refused check (id <> '" + refusedLine
                + "') not valid");
        try {
            FundingEvents.sendAll(List.of(
                    FundingEvents.record(refusedEvent, spend(refusedLine, initiative, p, stream, "50.00")),
                    FundingEvents.record(UUID.randomUUID().toString(), spend(UUID.randomUUID(), initiative, p, stream,
                            "7.00"))));
            TestKafka.awaitRecords(Topics.deadLetterTopicOf(GROUP),
                    r -> refusedEvent.equals(TestKafka.header(r, "ce_id")), PATIENCE);
            await().atMost(PATIENCE).until(() -> budget.positionOf(p, YEAR).total().spent(), equalTo(pounds("7.00")));
        } finally {
            execute("alter table budget_spend_line drop constraint budget_spend_line_refused");
        }

        JsonPath redriven = redrive();
        assertThat(redriven.getString("failed"), nullValue());
        assertThat(redriven.getLong("applied"), greaterThanOrEqualTo(1L));
        assertThat(budget.positionOf(p, YEAR).total().spent(), equalTo(pounds("57.00")));
        redrive();
        assertThat(budget.positionOf(p, YEAR).total().spent(), equalTo(pounds("57.00")));
    }

    private static JsonPath redrive() {
        return withToken(TestTokens.withRole(Roles.PLATFORM_ADMIN))
                .post("/api/v1/admin/dead-letters/" + GROUP + "/redrive").then().statusCode(200).extract().jsonPath();
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static AllocationMade allocation(AllocationMade.Change change, UUID id, String p, String funder,
            UUID stream, int year, String gross, String topSliced, long version) {
        return new AllocationMade(change, id, p, funder, stream, year, pounds(gross), pounds(topSliced),
                pounds(gross).subtract(pounds(topSliced)), LocalDate.of(year, 4, 1), "CSF-" + year, "Grant", version);
    }

    private static CarryForwardChanged carryForward(CarryForwardChanged.Change change, UUID id, String p,
            UUID stream, int fromYear, String status, String approved, long version) {
        return new CarryForwardChanged(change, id, p, stream, fromYear, fromYear + 1, pounds("3000.00"),
                "Slipped into the new year", status, approved == null ? null : pounds(approved),
                status.equals("requested") ? null : LocalDate.of(fromYear + 1, 4, 20), null, version);
    }

    private static InitiativeChanged initiative(InitiativeChanged.Change change, UUID id, String p, UUID stream,
            String amount, String status, long version) {
        return new InitiativeChanged(change, id, p, stream, YEAR, "Initiative " + id, null, UUID.randomUUID(),
                amount == null ? null : pounds(amount), false,
                status.equals("proposed") ? null : LocalDate.of(2024, 6, 12), null, status, version);
    }

    private static SpendRecorded spend(UUID line, UUID initiative, String p, UUID stream, String amount) {
        return new SpendRecorded(SpendRecorded.Change.RECORDED, line, initiative, p, stream, YEAR,
                LocalDate.of(2024, 8, 1), pounds(amount), "Invoice", null);
    }

    private static BigDecimal pounds(String amount) {
        return new BigDecimal(amount);
    }
}
