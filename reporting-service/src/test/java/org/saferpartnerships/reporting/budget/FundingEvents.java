package org.saferpartnerships.reporting.budget;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.saferpartnerships.platform.events.Topics;
import org.saferpartnerships.platform.events.funding.FundingEvent;
import org.saferpartnerships.testing.kafka.TestKafka;

/** Publishes funding events onto the test broker the way funding-service's outbox relay does. */
public final class FundingEvents {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private FundingEvents() {
    }

    /** Sends the events in order through one producer, each under its own new event id. */
    public static void publish(FundingEvent... events) {
        List<TestKafka.Outgoing> records = new ArrayList<>();
        for (FundingEvent event : events) {
            records.add(record(UUID.randomUUID().toString(), event));
        }
        sendAll(records);
    }

    /** The event as the relay publishes it: its JSON, keyed by partnership, with CloudEvents headers. */
    public static TestKafka.Outgoing record(String eventId, FundingEvent event) {
        try {
            return new TestKafka.Outgoing(event.partnershipId(), JSON.writeValueAsString(event),
                    headers(eventId, event.eventType(), "/funding-service"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write " + event, e);
        }
    }

    /** A record of any data and source on {@code funding.events}, as a poison event would come. */
    public static TestKafka.Outgoing raw(String eventId, String type, String source, String key, String data) {
        return new TestKafka.Outgoing(key, data, headers(eventId, type, source));
    }

    public static void sendAll(List<TestKafka.Outgoing> records) {
        TestKafka.sendAll(Topics.FUNDING_EVENTS, records);
    }

    private static Map<String, String> headers(String eventId, String type, String source) {
        return Map.of("ce_specversion", "1.0", "ce_id", eventId, "ce_type", type, "ce_source", source,
                "ce_time", "2025-04-01T09:00:00Z", "content-type", "application/json");
    }
}
