package org.saferpartnerships.reporting.replay;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;

import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.reporting.counts.IncidentEvents.Incident;
import org.saferpartnerships.reporting.counts.IncidentEvents;
import org.saferpartnerships.testing.identity.TestTokens;

@QuarkusTest
class ProjectionRebuildTest {

    @Inject
    ProjectionRebuild rebuild;

    @Inject
    PendingReplays replays;

    @Inject
    Scheduler scheduler;

    @Inject
    AgroalDataSource dataSource;

    private static List<Map<String, Object>> feed(String p) {
        return withToken(TestTokens.analyst(p)).queryParam("partnership", p)
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
        Incident open = Incident.of(p, "shoplifting", "2019-06", "E07000071").at("On or near Cross Street",
                "51.610000", "0.520000").published("RB-" + UUID.randomUUID(), "local-resolution");
        IncidentEvents.recorded(open);
        await().atMost(Duration.ofSeconds(30)).until(() -> feed(p).size(), equalTo(4));
        List<Map<String, Object>> before = feed(p);
        String openCrimesBefore = openCrimes();
        Instant requested = Instant.now();

        withToken(TestTokens.analyst(p)).post("/api/v1/admin/projections/rebuild").then().statusCode(403);
        withToken(TestTokens.withRole(Roles.PLATFORM_ADMIN)).post("/api/v1/admin/projections/rebuild")
                .then().statusCode(202);

        awaitReplayed();
        assertThat(feed(p), equalTo(before));
        // The open crimes too, with the ids police.uk clients may have kept.
        assertThat(openCrimes(), equalTo(openCrimesBefore));
        // The counts are the rebuilt ones: applied after the rebuild was asked for.
        String lastApplied = withToken(TestTokens.analyst(p)).queryParam("partnership", p)
                .queryParam("from", "2019-01").queryParam("to", "2019-12").get("/api/v1/feeds/incident-counts")
                .then().extract().path("freshness.lastAppliedAt");
        assertThat(Instant.parse(lastApplied), greaterThan(requested));
    }

    @Test
    void analystsSeeTheCountsOfBeforeTheRebuildUntilTheReplayHasCaughtUpThenTheRebuiltOnes() throws Exception {
        String p = "p-" + UUID.randomUUID();
        IncidentEvents.recorded(Incident.of(p, "vehicle-crime", "2019-06", "E07000071"),
                Incident.of(p, "vehicle-crime", "2019-06", "E07000071"), Incident.of(p, "robbery", "2019-07", "E07000067"));
        await().atMost(Duration.ofSeconds(30)).until(() -> feed(p).size(), equalTo(2));
        List<Map<String, Object>> before = feed(p);

        // All an instance that stops straight after a rebuild's transaction leaves: a new generation
        // of the tables and the partitions still to replay. While the rewinding is paused, as if no
        // instance ran, nothing here rewinds anything: the instance must take the replay up by itself.
        scheduler.pause(PendingReplays.REWIND_JOB);
        // A check fired before the pause may still run: the rewinding is synchronized, so this waits it out.
        replays.rewindAssignedPartitions();
        try {
            rebuild.startReplay();
            withToken(TestTokens.withRole(Roles.PLATFORM_ADMIN)).get("/api/v1/admin/projections")
                    .then().statusCode(200).body("status", equalTo("replaying"));
            // An event that arrives meanwhile goes to the new generation, not to what analysts read. (The
            // consumer may deliver earlier events again, as Kafka may: they too go to the new generation.)
            IncidentEvents.recorded(Incident.of(p, "drugs", "2019-08", "E07000071"));
            await().atMost(Duration.ofSeconds(30)).until(() -> countsOfNextGeneration(p, "drugs"), equalTo(1L));
            assertThat(feed(p), equalTo(before));
        } finally {
            scheduler.resume(PendingReplays.REWIND_JOB);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> feed(p).size(), equalTo(3));
        assertThat(feed(p).containsAll(before), equalTo(true));
        awaitReplayed();
        // The live tables are the rebuilt ones now, and events reach them again.
        IncidentEvents.recorded(Incident.of(p, "arson", "2019-09", "E07000071"));
        await().atMost(Duration.ofSeconds(30)).until(() -> feed(p).size(), equalTo(4));
    }

    private static String openCrimes() {
        return given().queryParam("lat", "51.61").queryParam("lng", "0.52").queryParam("date", "2019-06")
                .get("/police-uk/api/crimes-street/all-crime").then().statusCode(200).body("$", hasSize(1))
                .extract().asString();
    }

    private long countsOfNextGeneration(String partnership, String category) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement("select coalesce(sum(incident_count), 0) "
                        + "from projection_next.incident_count where partnership_id = ? and category = ?")) {
            count.setString(1, partnership);
            count.setString(2, category);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static void awaitReplayed() {
        await().atMost(Duration.ofSeconds(60)).until(() -> withToken(TestTokens.withRole(Roles.PLATFORM_ADMIN))
                .get("/api/v1/admin/projections").then().statusCode(200).extract().path("status"), equalTo("current"));
    }
}
