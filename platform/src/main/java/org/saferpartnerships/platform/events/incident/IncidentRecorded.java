package org.saferpartnerships.platform.events.incident;

import org.saferpartnerships.platform.events.DomainEvent;
import org.saferpartnerships.platform.events.Topics;

/** An agency recorded a new incident. Published by incident-service on {@link Topics#INCIDENT_EVENTS}. */
public record IncidentRecorded(IncidentSnapshot incident) implements DomainEvent {

    public static final String TYPE = "incident.recorded.v1";

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
