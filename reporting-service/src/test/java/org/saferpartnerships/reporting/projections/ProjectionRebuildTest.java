package org.saferpartnerships.reporting.projections;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;

import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.reporting.incidents.IncidentEvents;
import org.saferpartnerships.reporting.incidents.IncidentEvents.Incident;
import org.saferpartnerships.testing.identity.TestTokens;

@QuarkusTest
class ProjectionRebuildTest {

    @Inject
    ProjectionRebuild rebuild;

    @Inject
    Scheduler scheduler;

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
        awaitReplayed();
    }

    @Test
    void aReplayCutShortByARestartIsTakenUpAgainAndEndsInTheSameNumbers() {
        String p = "p-" + UUID.randomUUID();
        IncidentEvents.recorded(Incident.of(p, "vehicle-crime", "2019-06", "E07000071"),
                Incident.of(p, "vehicle-crime", "2019-06", "E07000071"), Incident.of(p, "robbery", "2019-07", "E07000067"));
        await().atMost(Duration.ofSeconds(30)).until(() -> feed(p).size(), equalTo(2));
        List<Map<String, Object>> before = feed(p);

        // All an instance that stops straight after a rebuild's transaction leaves: emptied projections
        // and the partitions still to replay. While the rewinding is paused, as if no instance ran;
        // nothing here rewinds anything, the instance must take the replay up by itself.
        scheduler.pause(PendingReplays.REWIND_JOB);
        try {
            rebuild.emptyProjectionsAndPlanReplay();
            assertThat(feed(p), empty());
            given().auth().oauth2(TestTokens.withRole(Roles.PLATFORM_ADMIN)).get("/api/v1/admin/projections")
                    .then().statusCode(200).body("status", equalTo("replaying"));
        } finally {
            scheduler.resume(PendingReplays.REWIND_JOB);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> feed(p), equalTo(before));
        awaitReplayed();
    }

    private static void awaitReplayed() {
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(TestTokens.withRole(Roles.PLATFORM_ADMIN))
                .get("/api/v1/admin/projections").then().statusCode(200).extract().path("status"), equalTo("current"));
    }
}
