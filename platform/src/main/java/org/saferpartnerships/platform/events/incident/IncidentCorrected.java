package org.saferpartnerships.platform.events.incident;

import java.time.Instant;

/**
 * The agency corrected an incident: the record before and after, so every aggregate can move it
 * from its old cell (month, district, category, partnership…) to its new one.
 */
public record IncidentCorrected(IncidentSnapshot previous, IncidentSnapshot incident, Instant correctedAt)
        implements IncidentEvent {

    public static final String TYPE = "incident.corrected.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}
