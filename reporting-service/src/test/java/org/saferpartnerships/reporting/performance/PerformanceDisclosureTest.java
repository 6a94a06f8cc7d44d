package org.saferpartnerships.reporting.performance;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.reporting.counts.IncidentEvents.Incident;
import org.saferpartnerships.reporting.counts.IncidentEvents;
import org.saferpartnerships.testing.identity.TestTokens;

@QuarkusTest
class PerformanceDisclosureTest {

    @Test
    void viewersGetRoundedFiguresAndChangesWorkedOutFromThem() {
        String p = "p-" + UUID.randomUUID();
        List<Incident> incidents = new ArrayList<>();
        add(incidents, p, "burglary", "2018-05", 3);
        add(incidents, p, "burglary", "2017-05", 6);
        add(incidents, p, "drugs", "2018-05", 10);
        add(incidents, p, "drugs", "2017-05", 12);
        add(incidents, p, "robbery", "2018-05", 20);
        add(incidents, p, "robbery", "2017-05", 25);
        IncidentEvents.recordedAll(incidents);
        await().atMost(Duration.ofSeconds(30)).until(() -> withToken(TestTokens.analyst(p))
                .queryParam("asOf", "2018-06").get("/api/v1/partnerships/" + p + "/performance")
                .then().extract().path("lines[0].current"), equalTo(33));

        withToken(TestTokens.withRole(Roles.VIEWER, p)).queryParam("asOf", "2018-06")
                .when().get("/api/v1/partnerships/" + p + "/performance")
                .then().statusCode(200)
                .body("disclosure.applied", equalTo(true))
                .body("lines[0].current", equalTo(35))
                .body("lines[0].previous", equalTo(45))
                .body("lines[0].change", equalTo(-10))
                .body("lines[0].statement", equalTo("All crime down 22.2% (10 fewer offences)"))
                .body("lines.find { it.key == 'burglary' }.suppressed", equalTo(true))
                .body("lines.find { it.key == 'burglary' }.current", nullValue())
                .body("lines.find { it.key == 'burglary' }.previous", nullValue())
                .body("lines.find { it.key == 'drugs' }.current", equalTo(10))
                .body("lines.find { it.key == 'drugs' }.previous", equalTo(10))
                .body("lines.find { it.key == 'drugs' }.statement", equalTo("Drugs unchanged"))
                .body("lines.find { it.key == 'robbery' }.current", equalTo(20))
                .body("lines.find { it.key == 'robbery' }.previous", equalTo(25));
    }

    private static void add(List<Incident> incidents, String p, String category, String month, int count) {
        for (int i = 0; i < count; i++) {
            incidents.add(Incident.of(p, category, month, "E07000071"));
        }
    }
}
