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
import org.saferpartnerships.platform.events.partnership.PartnershipChanged;
import org.saferpartnerships.platform.events.partnership.PriorityChanged;
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
                    && draft.getList("content.funding.initiatives").size() == 2
                    && draft.getString("content.funding.carryForwards[0].status") != null
                    && draft.getList("content.summary.headlines").contains("All crime up 100.0% (10 more offences)");
        });
    }

    private static BigDecimal pounds(String amount) {
        return new BigDecimal(amount);
    }
}
