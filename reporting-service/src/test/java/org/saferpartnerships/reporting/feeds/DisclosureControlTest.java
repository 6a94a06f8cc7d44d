package org.saferpartnerships.reporting.feeds;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.reporting.counts.IncidentEvents.Incident;
import org.saferpartnerships.reporting.counts.IncidentEvents;
import org.saferpartnerships.testing.identity.TestTokens;

@QuarkusTest
class DisclosureControlTest {

    /** January: burglary 3, drugs 10, robbery 12. February: burglary 8, drugs 2, robbery 9. */
    private static String twoMonthsOfThreeCategories() {
        String p = "p-" + UUID.randomUUID();
        List<Incident> incidents = new ArrayList<>();
        add(incidents, p, "2024-01", "burglary", 3);
        add(incidents, p, "2024-01", "drugs", 10);
        add(incidents, p, "2024-01", "robbery", 12);
        add(incidents, p, "2024-02", "burglary", 8);
        add(incidents, p, "2024-02", "drugs", 2);
        add(incidents, p, "2024-02", "robbery", 9);
        IncidentEvents.recordedAll(incidents);
        await().atMost(Duration.ofSeconds(30)).until(() -> withToken(TestTokens.analyst(p))
                .queryParam("partnership", p).queryParam("from", "2024-01").queryParam("to", "2024-02")
                .queryParam("groupBy", "category").get("/api/v1/feeds/incident-counts")
                .then().extract().path("rows.count.sum()"), equalTo(44));
        return p;
    }

    private static void add(List<Incident> incidents, String p, String month, String category, int count) {
        for (int i = 0; i < count; i++) {
            incidents.add(Incident.of(p, category, month, "E07000071"));
        }
    }

    @Test
    void viewersGetSmallCountsSuppressedAndEnoughOthersThatTotalsRevealNothing() {
        String p = twoMonthsOfThreeCategories();
        JsonPath feed = withToken(TestTokens.withRole(Roles.VIEWER, p)).queryParam("partnership", p)
                .queryParam("from", "2024-01").queryParam("to", "2024-02").queryParam("groupBy", "month,category")
                .when().get("/api/v1/feeds/incident-counts").then().statusCode(200).extract().jsonPath();

        assertThat(feed.getBoolean("disclosure.applied"), equalTo(true));
        assertThat(feed.getInt("disclosure.threshold"), equalTo(5));
        List<Map<String, Object>> rows = feed.getList("rows");
        List<String> hidden = rows.stream().filter(r -> Boolean.TRUE.equals(r.get("suppressed")))
                .map(r -> r.get("month") + " " + r.get("category")).toList();
        assertThat(hidden, containsInAnyOrder("2024-01 burglary", "2024-01 drugs", "2024-02 burglary",
                "2024-02 drugs"));
        assertThat(rows.stream().filter(r -> Boolean.TRUE.equals(r.get("suppressed"))).map(r -> r.get("count"))
                .filter(c -> c != null).count(), equalTo(0L));
        // No month and no category holds exactly one hidden cell, which its total would give away.
        Map<String, Integer> hiddenPerSlice = new HashMap<>();
        for (Map<String, Object> row : rows) {
            if (Boolean.TRUE.equals(row.get("suppressed"))) {
                hiddenPerSlice.merge("month " + row.get("month"), 1, Integer::sum);
                hiddenPerSlice.merge("category " + row.get("category"), 1, Integer::sum);
            }
        }
        assertThat(hiddenPerSlice.values(), not(org.hamcrest.Matchers.hasItem(1)));
    }

    @Test
    void analystsOfThePartnershipSeeExactCounts() {
        String p = twoMonthsOfThreeCategories();
        withToken(TestTokens.analyst(p)).queryParam("partnership", p)
                .queryParam("from", "2024-01").queryParam("to", "2024-02").queryParam("groupBy", "month,category")
                .when().get("/api/v1/feeds/incident-counts").then().statusCode(200)
                .body("disclosure.applied", equalTo(false))
                .body("rows.count", org.hamcrest.Matchers.contains(3, 10, 12, 8, 2, 9));
    }
}
