package org.saferpartnerships.platform.events.incident;

import org.saferpartnerships.platform.events.DomainEvent;
import org.saferpartnerships.platform.events.Topics;

/**
 * An event about one incident, on {@link Topics#INCIDENT_EVENTS}: keyed by the incident's
 * partnership (as it is after the change), its subject the incident.
 */
public interface IncidentEvent extends DomainEvent {

    /** The incident as it is after the change. */
    IncidentSnapshot incident();

    @Override
    default String topic() {
        return Topics.INCIDENT_EVENTS;
    }

    @Override
    default String partnershipId() {
        return incident().partnershipId();
    }

    @Override
    default String subject() {
        return incident().incidentId().toString();
    }
}
