package org.saferpartnerships.platform.events.incident;

import java.time.Instant;

/** The agency withdrew an incident (recorded in error, duplicate…): aggregates remove it. */
public record IncidentWithdrawn(IncidentSnapshot incident, String reason, Instant withdrawnAt) implements IncidentEvent {

    public static final String TYPE = "incident.withdrawn.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}
