package org.saferpartnerships.reporting.counts;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.saferpartnerships.reporting.counts.IncidentEventsConsumerTest.count;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.saferpartnerships.platform.events.Topics;
import org.saferpartnerships.reporting.counts.IncidentEvents.Incident;
import org.saferpartnerships.testing.identity.TestTokens;
import org.saferpartnerships.testing.kafka.InProcessKafkaBroker;
import org.saferpartnerships.testing.kafka.TestKafka;

/**
 * The incident consumer takes a poll at a time. Events sent back to back on one key (one partnership,
 * one partition) through one producer arrive together, as an import's events do.
 */
@QuarkusTest
class IncidentEventBatchesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String DEAD_LETTERS = Topics.deadLetterTopicOf("reporting-service.incident-counts");

    @Test
    void aBatchDeliveredAgainIsCountedOnce() {
        String p = "p-" + UUID.randomUUID();
        List<TestKafka.Outgoing> batch = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            batch.add(IncidentEvents.recordedEvent(UUID.randomUUID().toString(),
                    Incident.of(p, "burglary", "2023-02", "E07000071").flagged("rural")));
        }
        // The same events twice in one go, as a relay that re-sends a run it is unsure of.
        List<TestKafka.Outgoing> twice = new ArrayList<>(batch);
        twice.addAll(batch);
        twice.add(IncidentEvents.recordedEvent(UUID.randomUUID().toString(), Incident.of(p, "drugs", "2023-02", "E07000071")));
        IncidentEvents.sendAll(twice);
        await().atMost(PATIENCE).until(() -> count(p, "2023-02", "drugs"), equalTo(1L));
        assertThat(count(p, "2023-02", "burglary"), equalTo(40L));

        // And again in a later poll.
        List<TestKafka.Outgoing> again = new ArrayList<>(batch);
        again.add(IncidentEvents.recordedEvent(UUID.randomUUID().toString(), Incident.of(p, "drugs", "2023-02", "E07000071")));
        IncidentEvents.sendAll(again);
        await().atMost(PATIENCE).until(() -> count(p, "2023-02", "drugs"), equalTo(2L));
        assertThat(count(p, "2023-02", "burglary"), equalTo(40L));
        assertThat(flagCount(p, "2023-02", "rural"), equalTo(40));
    }

    @Test
    void onlyTheUnreadableEventsOfABatchAreDeadLetteredAndTheirNeighboursCounted() {
        String p = "p-" + UUID.randomUUID();
        String unreadable = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString();
        String badTime = UUID.randomUUID().toString();
        List<String> good = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        IncidentEvents.sendAll(List.of(
                IncidentEvents.recordedEvent(good.get(0), Incident.of(p, "robbery", "2023-03", "E07000074")),
                IncidentEvents.unreadableEvent(unreadable, p),
                IncidentEvents.recordedEvent(good.get(1), Incident.of(p, "robbery", "2023-03", "E07000074")),
                new TestKafka.Outgoing(p, "{\"marker\": \"" + marker + "\"}", Map.of()),
                new TestKafka.Outgoing(p, "{}", Map.of("ce_specversion", "1.0", "ce_id", badTime, "ce_type",
                        "incident.recorded.v1", "ce_source", "/incident-service", "ce_time", "yesterday")),
                IncidentEvents.recordedEvent(good.get(2), Incident.of(p, "robbery", "2023-03", "E07000074"))));

        await().atMost(PATIENCE).until(() -> count(p, "2023-03", "robbery"), equalTo(3L));
        await().atMost(PATIENCE).until(() -> deadLettersOf(p).size(), equalTo(3));
        List<ConsumerRecord<String, String>> dead = deadLettersOf(p);
        assertThat(dead.stream().map(r -> String.valueOf(TestKafka.header(r, "ce_id"))).toList(),
                containsInAnyOrder(unreadable, "null", badTime));
        ConsumerRecord<String, String> unreadableLetter = dead.stream()
                .filter(r -> unreadable.equals(TestKafka.header(r, "ce_id"))).findFirst().orElseThrow();
        assertThat(TestKafka.header(unreadableLetter, "dead-letter-reason"), containsString(unreadable));
        assertThat(TestKafka.header(unreadableLetter, "dead-letter-topic"), equalTo(Topics.INCIDENT_EVENTS));
        ConsumerRecord<String, String> headerless = dead.stream()
                .filter(r -> TestKafka.header(r, "ce_id") == null).findFirst().orElseThrow();
        assertThat(headerless.value(), containsString(marker));
        assertThat(TestKafka.header(headerless, "dead-letter-reason"), containsString("ce_id"));
    }

    @Test
    void anEventTheDatabaseRefusesIsDeadLetteredAloneAndTheRestOfItsBatchCounted() {
        String p = "p-" + UUID.randomUUID();
        String refused = UUID.randomUUID().toString();
        Incident somewhere = Incident.of(p, "vehicle-crime", "2023-04", "E07000071")
                .at("On or near Station Road", "51.880000", "0.910000");
        // Readable, but beyond the column's numeric(9, 6): the batch's transaction fails.
        Incident nowhere = Incident.of(p, "vehicle-crime", "2023-04", "E07000071")
                .at("On or near Nowhere", "1000.5", "0.910000");
        IncidentEvents.sendAll(List.of(
                IncidentEvents.recordedEvent(UUID.randomUUID().toString(), somewhere),
                IncidentEvents.recordedEvent(refused, nowhere),
                IncidentEvents.recordedEvent(UUID.randomUUID().toString(),
                        Incident.of(p, "vehicle-crime", "2023-04", "E07000071").at("On or near Station Road",
                                "51.880000", "0.910000"))));

        await().atMost(PATIENCE).until(() -> count(p, "2023-04", "vehicle-crime"), equalTo(2L));
        await().atMost(PATIENCE).until(() -> deadLettersOf(p).size(), equalTo(1));
        ConsumerRecord<String, String> dead = deadLettersOf(p).get(0);
        assertThat(TestKafka.header(dead, "ce_id"), equalTo(refused));
        assertThat(TestKafka.header(dead, "dead-letter-topic"), equalTo(Topics.INCIDENT_EVENTS));
        assertThat(hotspotCount(p, "2023-04"), equalTo(2));
    }

    @Test
    void eventsOfABatchThatMeetInOneCellAddUpExactly() {
        String p = "p-" + UUID.randomUUID();
        List<Incident> incidents = new ArrayList<>();
        List<TestKafka.Outgoing> events = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            // No point: the place's cell has null latitude and longitude, which the table does not tell apart.
            Incident incident = Incident.of(p, "burglary", "2023-05", "E07000071").flagged("rural")
                    .at("On or near the Market Place", null, null);
            incidents.add(incident);
            events.add(IncidentEvents.recordedEvent(UUID.randomUUID().toString(), incident));
        }
        for (Incident incident : incidents.subList(0, 10)) {
            events.add(IncidentEvents.withdrawnEvent(incident));
        }
        for (Incident incident : incidents.subList(10, 15)) {
            events.add(IncidentEvents.correctedEvent(incident, incident.category("robbery")));
        }
        IncidentEvents.sendAll(events);

        await().atMost(PATIENCE).until(() -> count(p, "2023-05", "robbery"), equalTo(5L));
        assertThat(count(p, "2023-05", "burglary"), equalTo(35L));
        assertThat(flagCount(p, "2023-05", "rural"), equalTo(40));
        assertThat(hotspotCount(p, "2023-05"), equalTo(40));
    }

    private static int flagCount(String partnership, String month, String flag) {
        return withToken(TestTokens.analyst(partnership)).queryParam("partnership", partnership)
                .queryParam("from", month).queryParam("to", month).queryParam("groupBy", "flag")
                .queryParam("flag", flag).get("/api/v1/feeds/incident-counts")
                .then().statusCode(200).extract().path("rows.count.sum()");
    }

    private static int hotspotCount(String partnership, String month) {
        return withToken(TestTokens.analyst(partnership)).queryParam("partnership", partnership)
                .queryParam("from", month).queryParam("to", month).get("/api/v1/feeds/hotspots")
                .then().statusCode(200).extract().path("places.count.sum()");
    }

    /** Every dead letter of the partnership's events (their key), the whole topic read to its end. */
    private static List<ConsumerRecord<String, String>> deadLettersOf(String partnership) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, InProcessKafkaBroker.shared().bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(DEAD_LETTERS).stream()
                    .map(info -> new TopicPartition(DEAD_LETTERS, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            await().atMost(PATIENCE).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (partnership.equals(record.key())) {
                        found.add(record);
                    }
                }
                return partitions.stream().allMatch(partition -> consumer.position(partition) >= ends.get(partition));
            });
        }
        return found;
    }
}
