package org.saferpartnerships.reporting.counts;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.saferpartnerships.platform.events.Topics;
import org.saferpartnerships.testing.identity.TestTokens;
import org.saferpartnerships.testing.kafka.TestKafka;
import org.saferpartnerships.testing.postgres.TestPostgresServer;

@QuarkusTest
class IncidentEventsConsumerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    MeterRegistry meters;

    @Test
    void eachEventIsCountedOnceHoweverOftenItIsDelivered() {
        String partnership = "p-" + UUID.randomUUID();
        String first = IncidentEvents.recorded(partnership, "burglary", "2024-05-02", "E07000071");
        IncidentEvents.recorded(partnership, "burglary", "2024-05-20", "E07000071");
        IncidentEvents.recorded(first, partnership, "burglary", "2024-05-02", "E07000071");
        // Same key, same partition: once this later event is counted, the redelivery before it was seen too.
        IncidentEvents.recorded(partnership, "drugs", "2024-05-03", "E07000071");

        await().atMost(PATIENCE).until(() -> count(partnership, "2024-05", "drugs"), equalTo(1L));
        assertThat(count(partnership, "2024-05", "burglary"), equalTo(2L));
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicAndConsumptionCarriesOn() {
        String partnership = "p-" + UUID.randomUUID();
        String poison = UUID.randomUUID().toString();
        IncidentEvents.send(poison, "incident.recorded.v1", partnership, "{\"incidentId\": \"not json");
        IncidentEvents.recorded(partnership, "robbery", "2024-07-09", "E07000074");

        await().atMost(PATIENCE).until(() -> count(partnership, "2024-07", "robbery"), equalTo(1L));
        List<ConsumerRecord<String, String>> dead = TestKafka.awaitRecords(
                Topics.deadLetterTopicOf("reporting-service.incident-counts"),
                r -> poison.equals(TestKafka.header(r, "ce_id")), PATIENCE);
        assertThat(TestKafka.header(dead.get(0), "dead-letter-reason"), containsString(poison));
        assertThat(TestKafka.header(dead.get(0), "dead-letter-topic"), equalTo(Topics.INCIDENT_EVENTS));
    }

    @Test
    void anEventWithoutCloudEventsHeadersIsDeadLettered() {
        String partnership = "p-" + UUID.randomUUID();
        String marker = UUID.randomUUID().toString();
        TestKafka.send(Topics.INCIDENT_EVENTS, partnership, "{\"marker\": \"" + marker + "\"}", Map.of());
        IncidentEvents.recorded(partnership, "shoplifting", "2024-07-09", "E07000074");

        await().atMost(PATIENCE).until(() -> count(partnership, "2024-07", "shoplifting"), equalTo(1L));
        List<ConsumerRecord<String, String>> dead = TestKafka.awaitRecords(
                Topics.deadLetterTopicOf("reporting-service.incident-counts"),
                r -> r.value() != null && r.value().contains(marker), PATIENCE);
        assertThat(TestKafka.header(dead.get(0), "dead-letter-reason"), not(emptyOrNullString()));
    }

    @Test
    void anEventThatArrivesWhileTheDatabaseIsDownIsCountedWhenItReturns() {
        String partnership = "p-" + UUID.randomUUID();
        double retriesBefore = retries();
        String database = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        try (TestPostgresServer.Outage outage = TestPostgresServer.shared().outage(database)) {
            IncidentEvents.recorded(partnership, "bicycle-theft", "2024-08-01", "E07000071");
            // Well past the attempts a failing event gets while the database answers.
            await().atMost(PATIENCE).until(() -> retries() >= retriesBefore + 4);
        }
        await().atMost(PATIENCE).until(() -> count(partnership, "2024-08", "bicycle-theft"), equalTo(1L));
    }

    private double retries() {
        Counter retries = meters.find("csp.consumer.retries").tag("consumer", IncidentEventsConsumer.CONSUMER).counter();
        return retries == null ? 0 : retries.count();
    }

    static long count(String partnership, String month, String category) {
        JsonPath feed = withToken(TestTokens.analyst(partnership))
                .queryParam("partnership", partnership)
                .queryParam("from", month).queryParam("to", month)
                .when().get("/api/v1/feeds/incident-counts")
                .then().statusCode(200).extract().jsonPath();
        return feed.getList("rows.findAll { it.category == '" + category + "' }.count", Long.class)
                .stream().mapToLong(Long::longValue).sum();
    }
}
