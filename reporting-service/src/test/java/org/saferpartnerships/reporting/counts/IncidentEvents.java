package org.saferpartnerships.reporting.counts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.saferpartnerships.platform.events.DomainEvent;
import org.saferpartnerships.platform.events.Topics;
import org.saferpartnerships.platform.events.incident.IncidentCorrected;
import org.saferpartnerships.platform.events.incident.IncidentRecorded;
import org.saferpartnerships.platform.events.incident.IncidentSnapshot;
import org.saferpartnerships.platform.events.incident.IncidentWithdrawn;
import org.saferpartnerships.testing.kafka.TestKafka;

/** Publishes incident events onto the test broker the way incident-service's outbox relay does. */
public final class IncidentEvents {

    private static final Instant RECORDED_AT = Instant.parse("2024-06-01T09:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private IncidentEvents() {
    }

    /** An incident as an event snapshot describes it; the builder methods return copies. */
    public record Incident(String id, String partnership, String category, String month, String district,
            String asbType, List<String> flags, String location, String latitude, String longitude,
            String externalRef, String outcome, String publication, long version) {

        public static Incident of(String partnership, String category, String month, String district) {
            String id = UUID.randomUUID().toString();
            return new Incident(id, partnership, category, month, district, null, List.of(), null, null, null,
                    "EP-" + id, null, null, 0);
        }

        public Incident asb(String type) {
            return new Incident(id, partnership, category, month, district, type, flags, location, latitude, longitude,
                    externalRef, outcome, publication, version);
        }

        public Incident flagged(String... names) {
            return new Incident(id, partnership, category, month, district, asbType, List.of(names), location,
                    latitude, longitude, externalRef, outcome, publication, version);
        }

        public Incident at(String description, String lat, String lon) {
            return new Incident(id, partnership, category, month, district, asbType, flags, description, lat, lon,
                    externalRef, outcome, publication, version);
        }

        public Incident category(String other) {
            return new Incident(id, partnership, other, month, district, asbType, flags, location, latitude, longitude,
                    externalRef, outcome, publication, version);
        }

        /** As a row of a data.police.uk publication imported with its mark: open data. */
        public Incident published(String reference, String lastOutcome) {
            return new Incident(id, partnership, category, month, district, asbType, flags, location, latitude,
                    longitude, reference, lastOutcome, IncidentSnapshot.DATA_POLICE_UK, version);
        }

        /** The incident under the agency's own reference. */
        public Incident withReference(String reference) {
            return new Incident(id, partnership, category, month, district, asbType, flags, location, latitude,
                    longitude, reference, outcome, publication, version);
        }

        /** The same incident one version on, as a correction leaves it. */
        public Incident nextVersion() {
            return new Incident(id, partnership, category, month, district, asbType, flags, location, latitude,
                    longitude, externalRef, outcome, publication, version + 1);
        }

        /** The incident as the event contract carries it. */
        public IncidentSnapshot snapshot() {
            return new IncidentSnapshot(UUID.fromString(id), "essex-police", externalRef, partnership, category,
                    asbType, null, flags, null, null, month, null, district, district, null,
                    latitude == null ? null : new BigDecimal(latitude), longitude == null ? null : new BigDecimal(longitude),
                    location, outcome, List.of(), publication, RECORDED_AT, version);
        }
    }

    /** @return the event id */
    public static String recorded(String partnership, String category, String occurredOn, String district) {
        String eventId = UUID.randomUUID().toString();
        recorded(eventId, partnership, category, occurredOn, district);
        return eventId;
    }

    public static void recorded(String eventId, String partnership, String category, String occurredOn,
            String district) {
        sendAll(List.of(recordedEvent(eventId,
                Incident.of(partnership, category, occurredOn.substring(0, 7), district))));
    }

    public static void recorded(Incident... incidents) {
        recordedAll(List.of(incidents));
    }

    public static void recordedAll(List<Incident> incidents) {
        List<TestKafka.Outgoing> records = new ArrayList<>();
        for (Incident incident : incidents) {
            records.add(recordedEvent(UUID.randomUUID().toString(), incident));
        }
        sendAll(records);
    }

    public static void corrected(Incident before, Incident after) {
        sendAll(List.of(correctedEvent(before, after)));
    }

    public static void withdrawn(Incident incident) {
        sendAll(List.of(withdrawnEvent(incident)));
    }

    /** incident.recorded.v1 for the incident, as a record to send with {@link #sendAll}. */
    public static TestKafka.Outgoing recordedEvent(String eventId, Incident incident) {
        return event(eventId, new IncidentRecorded(incident.snapshot()));
    }

    public static TestKafka.Outgoing correctedEvent(Incident before, Incident after) {
        return event(UUID.randomUUID().toString(),
                new IncidentCorrected(before.snapshot(), after.snapshot(), RECORDED_AT.plusSeconds(3600)));
    }

    public static TestKafka.Outgoing withdrawnEvent(Incident incident) {
        return event(UUID.randomUUID().toString(),
                new IncidentWithdrawn(incident.snapshot(), "duplicate", RECORDED_AT.plusSeconds(3600)));
    }

    /** An incident.recorded.v1 whose data is not JSON. */
    public static TestKafka.Outgoing unreadableEvent(String eventId, String partnership) {
        return new TestKafka.Outgoing(partnership, "{\"incidentId\": \"not json",
                headers(eventId, IncidentRecorded.TYPE, null));
    }

    /** Sends the records in order through one producer, as the outbox relay publishes a run of events. */
    public static void sendAll(List<TestKafka.Outgoing> records) {
        TestKafka.sendAll(Topics.INCIDENT_EVENTS, records);
    }

    private static TestKafka.Outgoing event(String eventId, DomainEvent event) {
        try {
            return new TestKafka.Outgoing(event.partnershipId(), JSON.writeValueAsString(event),
                    headers(eventId, event.eventType(), event.subject()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write " + event, e);
        }
    }

    public static void send(String eventId, String type, String partnership, String data) {
        TestKafka.send(Topics.INCIDENT_EVENTS, partnership, data, headers(eventId, type, null));
    }

    private static Map<String, String> headers(String eventId, String type, String subject) {
        return subject == null
                ? Map.of("ce_specversion", "1.0", "ce_id", eventId, "ce_type", type, "ce_source", "/incident-service",
                        "ce_time", "2024-06-01T09:00:00Z", "content-type", "application/json")
                : Map.of("ce_specversion", "1.0", "ce_id", eventId, "ce_type", type, "ce_source", "/incident-service",
                        "ce_time", "2024-06-01T09:00:00Z", "ce_subject", subject, "content-type", "application/json");
    }
}
