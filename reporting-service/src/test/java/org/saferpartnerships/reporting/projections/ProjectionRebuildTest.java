package org.saferpartnerships.reporting.projections;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.reporting.incidents.IncidentEvents;
import org.saferpartnerships.reporting.incidents.IncidentEvents.Incident;
import org.saferpartnerships.testing.identity.TestTokens;

@QuarkusTest
class ProjectionRebuildTest {

    private static List<Map<String, Object>> feed(String p) {
        return given().auth().oauth2(TestTokens.analyst(p)).queryParam("partnership", p)
                .queryParam("from", "2019-01").queryParam("to", "2019-12")
                .queryParam("groupBy", "month,category,district,asbType")
                .get("/api/v1/feeds/incident-counts").then().statusCode(200).extract().jsonPath().getList("rows");
    }

    @Test
    void aRebuildFromTheTopicsEndsInExactlyTheSameNumbers() {
        String p = "p-" + UUID.randomUUID();
        Incident moved = Incident.of(p, "burglary", "2019-03", "E07000071");
        Incident withdrawn = Incident.of(p, "drugs", "2019-04", "E07000067");
        IncidentEvents.recorded(moved, withdrawn, Incident.of(p, "anti-social-behaviour", "2019-03", "E07000071")
                .asb("environmental"), Incident.of(p, "burglary", "2019-05", "E07000071").flagged("rural"));
        IncidentEvents.corrected(moved, moved.category("robbery"));
        IncidentEvents.withdrawn(withdrawn);
        await().atMost(Duration.ofSeconds(30)).until(() -> feed(p).size(), equalTo(3));
        List<Map<String, Object>> before = feed(p);
        Instant requested = Instant.now();

        given().auth().oauth2(TestTokens.analyst(p)).post("/api/v1/admin/projections/rebuild").then().statusCode(403);
        given().auth().oauth2(TestTokens.withRole(Roles.PLATFORM_ADMIN)).post("/api/v1/admin/projections/rebuild")
                .then().statusCode(202);

        await().atMost(Duration.ofSeconds(60)).until(() -> feed(p), equalTo(before));
        String lastApplied = given().auth().oauth2(TestTokens.analyst(p)).queryParam("partnership", p)
                .queryParam("from", "2019-01").queryParam("to", "2019-12").get("/api/v1/feeds/incident-counts")
                .then().extract().path("freshness.lastAppliedAt");
        assertThat(Instant.parse(lastApplied), greaterThan(requested));
    }
}
