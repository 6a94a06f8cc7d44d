package org.saferpartnerships.reporting.reports;

import static org.awaitility.Awaitility.await;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.restassured.path.json.JsonPath;

import org.saferpartnerships.platform.events.funding.AllocationMade;
import org.saferpartnerships.platform.events.funding.CarryForwardChanged;
import org.saferpartnerships.platform.events.funding.FunderChanged;
import org.saferpartnerships.platform.events.funding.FundingStreamChanged;
import org.saferpartnerships.platform.events.funding.InitiativeChanged;
import org.saferpartnerships.platform.events.DomainEvent;
import org.saferpartnerships.platform.events.partnership.ActionUpdated;
import org.saferpartnerships.platform.events.partnership.AgencyChanged;
import org.saferpartnerships.platform.events.partnership.DomesticHomicideReviewChanged;
import org.saferpartnerships.platform.events.partnership.GovernanceBodyChanged;
import org.saferpartnerships.platform.events.partnership.MeetingRecorded;
import org.saferpartnerships.platform.events.partnership.MembershipChanged;
import org.saferpartnerships.platform.events.partnership.PartnershipChanged;
import org.saferpartnerships.platform.events.partnership.PriorityChanged;
import org.saferpartnerships.platform.events.partnership.RiskChanged;
import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.reporting.budget.FundingEvents;
import org.saferpartnerships.reporting.counts.IncidentEvents;
import org.saferpartnerships.reporting.counts.IncidentEvents.Incident;
import org.saferpartnerships.testing.identity.TestTokens;
import org.saferpartnerships.testing.kafka.TestKafka;

/** A partnership's events as the report tests need them, and drafting through the API. */
final class ReportFixtures {

    static final Instant AT = Instant.parse("2022-06-01T09:00:00Z");

    private ReportFixtures() {
    }

    static JsonPath draft(String officer, String p, int year) {
        return jsonWithToken(officer).body(request(year)).post("/api/v1/partnerships/" + p + "/reports").then()
                .statusCode(201).extract().jsonPath();
    }

    static String request(int year) {
        return "{\"type\": \"scrutiny\", \"period\": {\"financialYear\": " + year + "}}";
    }

    /** Castle Point and Rochford as its 2021/22 paper describes it, with a few incidents; waits until a draft shows it all. */
    static void castlePointAndRochford(String p) {
        TestKafka.publish(new PartnershipChanged(PartnershipChanged.Change.REGISTERED, p,
                "Castle Point and Rochford CSP", List.of("E07000069", "E07000075"), "Essex", null, null, 0),
                "/partnership-service", AT);
        UUID vulnerable = UUID.randomUUID();
        UUID violence = UUID.randomUUID();
        TestKafka.publish(new PriorityChanged(PriorityChanged.Change.ADOPTED, vulnerable, p, 2021,
                "Protecting vulnerable people", "safeguarding", null, "adopted", null, null, null, null, 1),
                "/partnership-service", AT);
        TestKafka.publish(new PriorityChanged(PriorityChanged.Change.ADOPTED, violence, p, 2021,
                "Violence (including knife crime)", "violence", null, "adopted", null, null, null, null, 1),
                "/partnership-service", AT);
        partnershipRecords(p, vulnerable, violence);
        String funder = "essex-pfcc-" + p;
        UUID stream = UUID.randomUUID();
        FundingEvents.publish(
                new FunderChanged(FunderChanged.Change.REGISTERED, funder, "Essex PFCC", "pcc", null, "CSP", 0),
                new FundingStreamChanged(FundingStreamChanged.Change.OPENED, stream, funder,
                        "Community Safety Partnership grant", "grant", 0),
                new AllocationMade(AllocationMade.Change.MADE, UUID.randomUUID(), p, funder, stream, 2021,
                        pounds("12337.00"), pounds("0.00"), pounds("12337.00"), LocalDate.of(2021, 4, 1),
                        "CSP-2021-CPR", "Community Safety Partnership grant 2021/22", 1),
                new CarryForwardChanged(CarryForwardChanged.Change.DECIDED, UUID.randomUUID(), p, stream, 2020, 2021,
                        pounds("10142.00"), "COVID-19", "approved", pounds("10142.00"), LocalDate.of(2021, 4, 20),
                        null, 2),
                new InitiativeChanged(InitiativeChanged.Change.APPROVED, UUID.randomUUID(), p, stream, 2021,
                        "Walk Online", null, vulnerable, pounds("14000.00"), true, LocalDate.of(2021, 5, 1), null,
                        "approved", 1),
                new InitiativeChanged(InitiativeChanged.Change.APPROVED, UUID.randomUUID(), p, stream, 2021,
                        "Crucial Crew", null, violence, pounds("6961.00"), true, LocalDate.of(2021, 5, 1), null,
                        "approved", 1));
        List<Incident> incidents = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            incidents.add(Incident.of(p, "violent-crime", "2021-06", i % 2 == 0 ? "E07000069" : "E07000075"));
        }
        for (int i = 0; i < 10; i++) {
            incidents.add(Incident.of(p, "violent-crime", "2020-06", "E07000069"));
        }
        IncidentEvents.recordedAll(incidents);
        String officer = TestTokens.withRole(Roles.PARTNERSHIP_OFFICER, p);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonPath draft = draft(officer, p, 2021);
            return draft.getInt("content.summary.priorities") == 2
                    && draft.getInt("content.summary.actions") == 3
                    && draft.getList("content.risks.register").size() == 3
                    && draft.getLong("content.domesticHomicideReviews.total") == 3
                    && draft.getList("content.partnership.statutoryMembers").size() == 4
                    && draft.getList("content.partnership.bodies").size() == 2
                    && draft.getList("content.funding.initiatives").size() == 2
                    && draft.getString("content.funding.carryForwards[0].status") != null
                    && draft.getList("content.summary.headlines").contains("All crime up 100.0% (10 more offences)");
        });
    }

    /**
     * Its members, bodies, plan, risks and reviews as the paper describes them: the council's
     * portfolio holder vice-chair, quarterly steering group meetings, Walk Online and Crucial Crew,
     * the risks its section 4 names. Agency ids are the partnership's own, so that runs never share one.
     */
    private static void partnershipRecords(String p, UUID vulnerable, UUID violence) {
        String castlePoint = p + "-castle-point-bc";
        String rochford = p + "-rochford-dc";
        String police = p + "-essex-police";
        String fire = p + "-ecfrs";
        String county = p + "-essex-cc";
        String barNBus = p + "-bar-n-bus";
        UUID steering = UUID.randomUUID();
        UUID tactical = UUID.randomUUID();
        List<DomainEvent> events = new ArrayList<>(List.of(
                new AgencyChanged(AgencyChanged.Change.REGISTERED, castlePoint, "Castle Point Borough Council",
                        "district-council", true, 0),
                new AgencyChanged(AgencyChanged.Change.REGISTERED, rochford, "Rochford District Council",
                        "district-council", true, 0),
                new AgencyChanged(AgencyChanged.Change.REGISTERED, police, "Essex Police", "police", true, 0),
                new AgencyChanged(AgencyChanged.Change.REGISTERED, fire, "Essex County Fire and Rescue Service",
                        "fire-and-rescue", true, 0),
                new AgencyChanged(AgencyChanged.Change.REGISTERED, county, "Essex County Council", "county-council",
                        true, 0),
                new AgencyChanged(AgencyChanged.Change.REGISTERED, barNBus, "Bar 'N' Bus", "voluntary-sector", false,
                        0),
                new MembershipChanged(UUID.randomUUID(), p, castlePoint, "chair", true, day("2019-04-01"), null, 0),
                new MembershipChanged(UUID.randomUUID(), p, rochford, "vice-chair", true, day("2019-04-01"), null, 0),
                new MembershipChanged(UUID.randomUUID(), p, police, "member", true, day("2019-04-01"), null, 0),
                new MembershipChanged(UUID.randomUUID(), p, fire, "member", true, day("2019-04-01"), null, 0),
                // Left before the end of the year reported on: not a member on 31 March 2022.
                new MembershipChanged(UUID.randomUUID(), p, county, "member", true, day("2019-04-01"),
                        day("2021-09-30"), 1),
                new MembershipChanged(UUID.randomUUID(), p, barNBus, "member", false, day("2021-04-01"), null, 0),
                new GovernanceBodyChanged(steering, p, "CSP Steering Group", "steering-group", "quarterly", 0),
                new GovernanceBodyChanged(tactical, p, "Tactical group", "joint-action-group", "weekly", 0),
                // The year before's last meeting is not one of 2021/22's.
                new MeetingRecorded(UUID.randomUUID(), p, steering, day("2021-03-11"), List.of(police), List.of(), 0),
                new MeetingRecorded(UUID.randomUUID(), p, steering, day("2021-06-10"), List.of(police, rochford),
                        List.of(), 0),
                new MeetingRecorded(UUID.randomUUID(), p, steering, day("2021-09-09"), List.of(police), List.of(), 0),
                new MeetingRecorded(UUID.randomUUID(), p, steering, day("2021-12-09"), List.of(rochford), List.of(), 0),
                new MeetingRecorded(UUID.randomUUID(), p, steering, day("2022-03-10"), List.of(police), List.of(), 0),
                new ActionUpdated(UUID.randomUUID(), p, 2021, vulnerable, "Walk Online", rochford, day("2021-04-01"),
                        day("2022-03-31"), "complete",
                        List.of(new ActionUpdated.Measure("children taking part", "children", new BigDecimal("2000"),
                                new BigDecimal("2450"))),
                        new ActionUpdated.Progress(day("2022-03-01"), "complete",
                                "1,600 primary and 850 secondary school children took part"), 2),
                new ActionUpdated(UUID.randomUUID(), p, 2021, violence, "Crucial Crew", police, day("2021-04-01"),
                        day("2022-03-31"), "on-track", List.of(), null, 0),
                new ActionUpdated(UUID.randomUUID(), p, 2021, null, "CCTV working group", castlePoint,
                        day("2021-06-01"), day("2022-03-31"), "at-risk", List.of(),
                        new ActionUpdated.Progress(day("2022-01-15"), "at-risk", "Awaiting the Member-led review"), 1),
                new RiskChanged(RiskChanged.Change.RECORDED, UUID.randomUUID(), p, "R1",
                        "Delivery depends on the annual grant from the PFCC", 4, 4, 16, "high",
                        "Bids to other funds", "CSP manager", day("2022-01-31"), false, 0),
                new RiskChanged(RiskChanged.Change.RECORDED, UUID.randomUUID(), p, "R2",
                        "Loss of police analytical capacity for the strategic assessment", 4, 3, 12, "medium", null,
                        "Community Safety Officers", null, false, 0),
                new RiskChanged(RiskChanged.Change.RECORDED, UUID.randomUUID(), p, "R3",
                        "Little feedback from participants in interventions", 3, 2, 6, "low",
                        "Feedback forms in every scheme", "CSP manager", null, false, 0),
                new RiskChanged(RiskChanged.Change.UPDATED, UUID.randomUUID(), p, "R4", "A closed risk", 1, 1, 1,
                        "low", null, null, null, true, 1),
                new DomesticHomicideReviewChanged(UUID.randomUUID(), p, "under-review", 2),
                new DomesticHomicideReviewChanged(UUID.randomUUID(), p, "under-review", 2),
                new DomesticHomicideReviewChanged(UUID.randomUUID(), p, "published", 6)));
        events.forEach(event -> TestKafka.publish(event, "/partnership-service", AT));
    }

    private static LocalDate day(String day) {
        return LocalDate.parse(day);
    }

    private static BigDecimal pounds(String amount) {
        return new BigDecimal(amount);
    }
}
