package org.saferpartnerships.platform.notes;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.saferpartnerships.testing.kafka.TestKafka;

/** Note events as Kafka records, sent by the tests straight to the consumer's topic. */
public final class NoteRecords {

    private NoteRecords() {
    }

    public static TestKafka.Outgoing record(ObjectMapper json, NoteWritten note, String eventId) {
        try {
            return new TestKafka.Outgoing(note.partnershipId(), json.writeValueAsString(note),
                    headers(note.eventType(), eventId, note.subject()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The CloudEvent headers the outbox relay writes. */
    public static Map<String, String> headers(String type, String eventId, String subject) {
        return Map.of("ce_specversion", "1.0", "ce_id", eventId, "ce_type", type, "ce_source", "/platform-tests",
                "ce_time", Instant.now().toString(), "ce_subject", subject, "content-type", "application/json");
    }
}
