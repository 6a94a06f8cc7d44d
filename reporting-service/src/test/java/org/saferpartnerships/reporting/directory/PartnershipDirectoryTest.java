package org.saferpartnerships.reporting.directory;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.saferpartnerships.platform.events.partnership.PartnershipChanged;
import org.saferpartnerships.platform.events.partnership.PriorityChanged;
import org.saferpartnerships.reporting.counts.IncidentEvents.Incident;
import org.saferpartnerships.reporting.counts.IncidentEvents;
import org.saferpartnerships.testing.identity.TestTokens;
import org.saferpartnerships.testing.kafka.TestKafka;

/** Names and priorities from partnership events label feeds and dashboards. */
@QuarkusTest
class PartnershipDirectoryTest {

    private static final Instant CHANGED_AT = Instant.parse("2024-06-01T09:00:00Z");

    @Test
    void feedsAndDashboardsCarryThePartnershipsNameAndItsPriorities() {
        String p = "p-" + UUID.randomUUID();
        TestKafka.publish(new PartnershipChanged(PartnershipChanged.Change.REGISTERED, p, "Old name",
                List.of("E07000074"), null, null, null, 0), "/partnership-service", CHANGED_AT);
        TestKafka.publish(new PartnershipChanged(PartnershipChanged.Change.UPDATED, p,
                "Maldon Community Safety Partnership", List.of("E07000074"), null, null, null, 1), "/partnership-service",
                CHANGED_AT);
        TestKafka.publish(new PriorityChanged(PriorityChanged.Change.ADOPTED, UUID.randomUUID(), p, 2017,
                "Domestic abuse", "domestic-abuse", null, "adopted", null, null, null, null, 1), "/partnership-service",
                CHANGED_AT);
        IncidentEvents.recorded(Incident.of(p, "drugs", "2017-06", "E07000074"));
        String analyst = TestTokens.analyst(p);
        await().atMost(Duration.ofSeconds(30)).until(() -> withToken(analyst).queryParam("asOf", "2017-09")
                .get("/api/v1/partnerships/" + p + "/dashboard").then().extract().path("priorities.title"),
                contains("Domestic abuse"));

        withToken(analyst).queryParam("asOf", "2017-09").when().get("/api/v1/partnerships/" + p + "/dashboard")
                .then().statusCode(200).body("name", equalTo("Maldon Community Safety Partnership"));
        withToken(analyst).queryParam("partnership", p).queryParam("from", "2017-06").queryParam("to", "2017-06")
                .when().get("/api/v1/feeds/incident-counts")
                .then().statusCode(200).body("partnerships[0].name", equalTo("Maldon Community Safety Partnership"));
    }
}
