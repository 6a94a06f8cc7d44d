package org.saferpartnerships.reporting.reports;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.saferpartnerships.platform.events.Topics;
import org.saferpartnerships.platform.events.partnership.PartnershipChanged;
import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.reporting.counts.IncidentEvents;
import org.saferpartnerships.reporting.counts.IncidentEvents.Incident;
import org.saferpartnerships.testing.identity.TestTokens;
import org.saferpartnerships.testing.kafka.TestKafka;

/**
 * A scrutiny report drafted, published and reassembled: the figures of Castle Point and Rochford's
 * 2021/22 paper (grant £12,337, £10,142 carried forward, £1,518 anticipated underspend) come out of
 * the projections exactly.
 */
@QuarkusTest
class ScrutinyReportTest {

    private static final Instant AT = Instant.parse("2022-06-01T09:00:00Z");

    @Test
    void aDraftIsTheOfficersAndPublishingFreezesItWithItsHashAndPositions() throws Exception {
        String p = "cpr-" + UUID.randomUUID();
        ReportFixtures.castlePointAndRochford(p);
        String officer = TestTokens.withRole(Roles.PARTNERSHIP_OFFICER, p);
        String viewer = TestTokens.withRole(Roles.VIEWER, p);

        String location = jsonWithToken(officer).body(ReportFixtures.request(2021)).post("/api/v1/partnerships/" + p + "/reports")
                .then().statusCode(201).extract().header("Location");
        String report = location.substring(location.indexOf("/api/"));
        JsonPath draft = withToken(officer).get(report).then().statusCode(200).extract().jsonPath();
        assertThat(draft.getString("status"), equalTo("draft"));
        assertThat(draft.getString("content.partnership.name"), equalTo("Castle Point and Rochford CSP"));
        assertThat(draft.getString("content.period.label"), equalTo("2021/22"));
        assertThat(new BigDecimal(draft.getString("content.funding.total.gross")), equalTo(new BigDecimal("12337.0")));
        assertThat(draft.getString("content.funding.statement"), equalTo("Grant funding for 2021/22 amounted to "
                + "£12,337; an underspend of £10,142 was approved to roll over from 2020/21; the anticipated "
                + "underspend is £1,518."));
        assertThat(draft.getString("content.summary.funding"), equalTo(draft.getString("content.funding.statement")));
        assertThat(draft.getList("content.funding.carryForwards.approved", Float.class), contains(10142.0f));
        assertThat(draft.getList("content.funding.initiatives.title"), contains("Crucial Crew", "Walk Online"));
        assertThat(draft.getList("content.funding.initiatives.priority"),
                contains("Violence (including knife crime)", "Protecting vulnerable people"));
        assertThat(draft.getInt("content.summary.priorities"), equalTo(2));
        assertThat(draft.getList("content.summary.headlines"), contains("All crime up 100.0% (10 more offences)",
                "Anti-social behaviour unchanged"));
        assertThat(draft.getList("content.performance.trend.months"), hasSize(24));
        assertThat(draft.getList("content.glossary.term"), hasItems("CSP", "DHR", "PFCC"));
        assertThat(draft.getList("content.glossary.term"), not(hasItem("VAWG")));

        // The partnership on the last day reported on: Essex County Council had left in September.
        assertThat(draft.getString("content.partnership.membersOn"), equalTo("2022-03-31"));
        assertThat(draft.getList("content.partnership.statutoryMembers.agency"), contains("Castle Point Borough Council",
                "Essex County Fire and Rescue Service", "Essex Police", "Rochford District Council"));
        assertThat(draft.getList("content.partnership.otherMembers.agency"), contains("Bar 'N' Bus"));
        assertThat(draft.getList("content.partnership.chairs"), contains("Castle Point Borough Council"));
        assertThat(draft.getList("content.partnership.viceChairs"), contains("Rochford District Council"));
        assertThat(draft.getList("content.partnership.bodies.name"), contains("CSP Steering Group", "Tactical group"));
        assertThat(draft.getList("content.partnership.bodies.meetings"), contains(4, 0));
        assertThat(draft.getList("content.partnership.bodies[0].meetingDates"),
                contains("2021-06-10", "2021-09-09", "2021-12-09", "2022-03-10"));

        // The plan: each priority's actions, and the one delivering none, at a glance in the summary.
        assertThat(draft.getString("content.summary.plan"),
                equalTo("2 priorities for 2021/22 with 3 actions: 1 on track, 1 at risk, 1 complete."));
        assertThat(draft.getList("content.summary.actionStatus.status"), contains("on-track", "at-risk", "complete"));
        assertThat(draft.getList("content.priorities.priorities.title"),
                contains("Protecting vulnerable people", "Violence (including knife crime)"));
        assertThat(draft.getString("content.priorities.priorities[0].actions[0].owner"),
                equalTo("Rochford District Council"));
        assertThat(draft.getString("content.priorities.priorities[0].actions[0].statusLabel"), equalTo("Complete"));
        assertThat(draft.getString("content.priorities.priorities[0].actions[0].latestProgress.note"),
                equalTo("1,600 primary and 850 secondary school children took part"));
        assertThat(draft.getString("content.priorities.priorities[0].actions[0].measures[0].ofTarget"),
                equalTo("123% of target"));
        assertThat(draft.getString("content.priorities.priorities[1].actions[0].latestProgress"), nullValue());
        assertThat(draft.getList("content.priorities.otherActions.title"), contains("CCTV working group"));

        // The open risks, highest first, and where they fall in the matrix (rows from likelihood 6 down).
        assertThat(draft.getList("content.risks.register.reference"), contains("R1", "R2", "R3"));
        assertThat(draft.getString("content.risks.statement"), equalTo("3 open risks: 1 high, 1 medium, 1 low."));
        assertThat(draft.getList("content.risks.matrix"), hasSize(6));
        assertThat(draft.getInt("content.risks.matrix[2][3].likelihood"), equalTo(4));
        assertThat(draft.getInt("content.risks.matrix[2][3].impact"), equalTo(4));
        assertThat(draft.getList("content.risks.matrix[2][3].references"), contains("R1"));
        assertThat(draft.getString("content.risks.matrix[2][3].rating"), equalTo("high"));
        assertThat(draft.getList("content.risks.matrix[2][2].references"), contains("R2"));

        // Reviews as counts by status, in the order a review moves through them; nothing of any case.
        assertThat(draft.getList("content.domesticHomicideReviews.byStatus.label"),
                contains("Under review", "Published"));
        assertThat(draft.getList("content.domesticHomicideReviews.byStatus.count"), contains(2, 1));
        assertThat(draft.getString("content.domesticHomicideReviews.statement"), equalTo("3 Domestic Homicide "
                + "Reviews (DHR) are recorded for the partnership: 2 under review, 1 published."));
        assertThat(draft.getMap("content.domesticHomicideReviews").keySet(),
                containsInAnyOrder("total", "byStatus", "statement"));

        // A draft is the officers': others do not know of it.
        withToken(viewer).get(report).then().statusCode(404);
        withToken(TestTokens.analyst(p)).get(report).then().statusCode(404);
        jsonWithToken(TestTokens.analyst(p)).body(ReportFixtures.request(2021)).post("/api/v1/partnerships/" + p + "/reports")
                .then().statusCode(403);
        withToken(viewer).get("/api/v1/partnerships/" + p + "/reports").then().statusCode(200).body("id", hasSize(0));

        JsonPath published = withToken(officer).post(report + "/publish").then().statusCode(200).extract().jsonPath();
        assertThat(published.getString("status"), equalTo("published"));
        String hash = published.getString("contentHash");
        assertThat(published.getList("positions.topic"), hasItem(Topics.INCIDENT_EVENTS));
        String content = withToken(viewer).get(report).then().statusCode(200).extract().jsonPath()
                .prettify();
        assertThat(withToken(viewer).get(report).then().extract().path("contentHash"), equalTo(hash));
        assertThat(content.contains("12337"), equalTo(true));
        withToken(officer).post(report + "/publish").then().statusCode(409);
        withToken(viewer).get("/api/v1/partnerships/" + p + "/reports").then().statusCode(200)
                .body("contentHash", contains(hash));
        JsonPath event = new JsonPath(TestKafka.awaitRecords(Topics.REPORT_EVENTS,
                r -> r.value().contains(published.getString("id")), Duration.ofSeconds(30)).get(0).value());
        assertThat(event.getString("contentHash"), equalTo(hash));
        assertThat(event.getString("partnershipId"), equalTo(p));

        // The published content is frozen: what arrives later changes the projections, not the report.
        IncidentEvents.recorded(Incident.of(p, "robbery", "2021-12", "E07000069"));
        await().atMost(Duration.ofSeconds(30)).until(() -> withToken(officer)
                .get(report + "/reassembly").then().statusCode(200).extract().path("sameContent"), equalTo(false));
        assertThat(withToken(viewer).get(report).then().extract().path("contentHash"), equalTo(hash));
        assertThat(withToken(officer).get(report + "/reassembly").then().extract().path("atRecordedPositions"),
                equalTo(false));
    }

    @Test
    void theHashIsTheSha256OfTheCanonicalContentAndAReportWithoutIncidentsSaysSo() throws Exception {
        String p = "empty-" + UUID.randomUUID();
        TestKafka.publish(new PartnershipChanged(PartnershipChanged.Change.REGISTERED, p, "Quiet CSP",
                List.of("E07000074"), null, null, null, 0), "/partnership-service", AT);
        String officer = TestTokens.withRole(Roles.PARTNERSHIP_OFFICER, p);
        await().atMost(Duration.ofSeconds(30)).until(() -> ReportFixtures.draft(officer, p, 2023).getString(
                "content.partnership.name"), equalTo("Quiet CSP"));
        JsonPath draft = ReportFixtures.draft(officer, p, 2023);
        assertThat(draft.getString("content.performance.noData"), equalTo("No incident data has been received for "
                + "2023-04 to 2024-03 or the same months a year earlier."));
        assertThat(draft.getList("content.summary.headlines"), contains(draft.getString("content.performance.noData")));
        assertThat(draft.getString("content.funding.statement"), equalTo("No funding has been recorded for 2023/24."));
        assertThat(draft.getString("content.summary.plan"), equalTo("No priorities have been recorded for 2023/24."));
        assertThat(draft.getString("content.risks.statement"),
                equalTo("No open risks are recorded in the partnership's risk register."));
        assertThat(draft.getString("content.domesticHomicideReviews.statement"),
                equalTo("No Domestic Homicide Reviews (DHR) are recorded for the partnership."));
        assertThat(draft.getList("content.partnership.statutoryMembers"), hasSize(0));

        String id = draft.getString("id");
        withToken(officer).post("/api/v1/reports/" + id + "/publish").then().statusCode(200);
        Report stored = QuarkusTransaction.requiringNew()
                .call(() -> Report.<Report>findById(UUID.fromString(id)));
        assertThat(stored.contentHash, equalTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(stored.content.getBytes(StandardCharsets.UTF_8)))));
        assertThat(CanonicalJson.of(CanonicalJson.read(stored.content)), equalTo(stored.content));

        // Rebuilt from the topics, the projections stand where they stood and give the same content.
        String admin = TestTokens.withRole(Roles.PLATFORM_ADMIN);
        withToken(admin).post("/api/v1/admin/projections/rebuild").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> withToken(admin).get("/api/v1/admin/projections").then()
                .statusCode(200).extract().path("status"), equalTo("current"));
        JsonPath reassembly = withToken(officer).get("/api/v1/reports/" + id + "/reassembly").then().statusCode(200)
                .extract().jsonPath();
        assertThat(reassembly.getBoolean("atRecordedPositions"), equalTo(true));
        assertThat(reassembly.getBoolean("sameContent"), equalTo(true));
        assertThat(reassembly.getString("reassembledHash"), equalTo(stored.contentHash));
    }

    @Test
    void aPeriodOutsideTheFinancialYearOrAnotherTypeIsRefused() {
        String p = "p-" + UUID.randomUUID();
        String officer = TestTokens.withRole(Roles.PARTNERSHIP_OFFICER, p);
        jsonWithToken(officer).body("{\"type\": \"scrutiny\", \"period\": {\"financialYear\": 2021, \"asOf\": \"2021-03\"}}")
                .post("/api/v1/partnerships/" + p + "/reports").then().statusCode(400)
                .body("detail", equalTo("period.asOf: 2021-03 is not a month of 2021/22 (April 2021 to March 2022)"));
        jsonWithToken(officer).body("{\"type\": \"annual\", \"period\": {\"financialYear\": 2021}}")
                .post("/api/v1/partnerships/" + p + "/reports").then().statusCode(400)
                .body("violations.field", hasItem("type"));
        jsonWithToken(officer).body("{\"type\": \"scrutiny\"}")
                .post("/api/v1/partnerships/" + p + "/reports").then().statusCode(400);
        jsonWithToken(TestTokens.withRole(Roles.PARTNERSHIP_OFFICER, "another")).body(ReportFixtures.request(2021))
                .post("/api/v1/partnerships/" + p + "/reports").then().statusCode(404);
        withToken(officer).get("/api/v1/reports/" + UUID.randomUUID()).then().statusCode(404)
                .body("detail", not(nullValue()));
    }
}
