package org.saferpartnerships.reporting.feeds;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.time.Duration;
import java.util.ArrayList;
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
    void viewersGetSmallCountsSuppressedAndTheOthersRounded() {
        String p = twoMonthsOfThreeCategories();
        JsonPath feed = withToken(TestTokens.withRole(Roles.VIEWER, p)).queryParam("partnership", p)
                .queryParam("from", "2024-01").queryParam("to", "2024-02").queryParam("groupBy", "month,category")
                .when().get("/api/v1/feeds/incident-counts").then().statusCode(200).extract().jsonPath();

        assertThat(feed.getBoolean("disclosure.applied"), equalTo(true));
        assertThat(feed.getInt("disclosure.threshold"), equalTo(8));
        assertThat(feed.getInt("disclosure.roundedTo"), equalTo(5));
        List<String> shown = feed.<Map<String, Object>>getList("rows").stream()
                .map(r -> r.get("month") + " " + r.get("category") + " "
                        + (Boolean.TRUE.equals(r.get("suppressed")) ? "suppressed" : r.get("count")))
                .toList();
        assertThat(shown, contains("2024-01 burglary suppressed", "2024-01 drugs 10", "2024-01 robbery 10",
                "2024-02 burglary 10", "2024-02 drugs suppressed", "2024-02 robbery 10"));

        // A total is the rounded true total, not a sum of rounded cells: 44 is shown as 45.
        withToken(TestTokens.withRole(Roles.VIEWER, p)).queryParam("partnership", p)
                .queryParam("from", "2024-01").queryParam("to", "2024-02").queryParam("groupBy", "district")
                .when().get("/api/v1/feeds/incident-counts").then().statusCode(200)
                .body("rows.count", contains(45));
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
