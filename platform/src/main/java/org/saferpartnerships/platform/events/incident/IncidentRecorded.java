package org.saferpartnerships.platform.events.incident;

import org.saferpartnerships.platform.events.Topics;

/** An agency recorded a new incident. Published by incident-service on {@link Topics#INCIDENT_EVENTS}. */
public record IncidentRecorded(IncidentSnapshot incident) implements IncidentEvent {

    public static final String TYPE = "incident.recorded.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}
