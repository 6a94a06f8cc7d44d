package org.saferpartnerships.platform.events.incident;

import java.time.Instant;

import org.saferpartnerships.platform.events.DomainEvent;
import org.saferpartnerships.platform.events.Topics;

/**
 * The agency corrected an incident: the record before and after, so every aggregate can move it
 * from its old cell (month, district, category, partnership…) to its new one.
 */
public record IncidentCorrected(IncidentSnapshot previous, IncidentSnapshot incident, Instant correctedAt)
        implements DomainEvent {

    public static final String TYPE = "incident.corrected.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.INCIDENT_EVENTS;
    }

    @Override
    public String partnershipId() {
        return incident.partnershipId();
    }

    @Override
    public String subject() {
        return incident.incidentId().toString();
    }
}
