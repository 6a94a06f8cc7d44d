package org.saferpartnerships.platform.events.incident;

import java.time.Instant;

import org.saferpartnerships.platform.events.DomainEvent;
import org.saferpartnerships.platform.events.Topics;

/** The agency withdrew an incident (recorded in error, duplicate…): aggregates remove it. */
public record IncidentWithdrawn(IncidentSnapshot incident, String reason, Instant withdrawnAt) implements DomainEvent {

    public static final String TYPE = "incident.withdrawn.v1";

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
