package org.saferpartnerships.platform.events.partnership;

import org.saferpartnerships.platform.events.DomainEvent;
import org.saferpartnerships.platform.events.Topics;

/** An event partnership-service publishes, on {@link Topics#PARTNERSHIP_EVENTS}. */
public interface PartnershipEvent extends DomainEvent {

    @Override
    default String topic() {
        return Topics.PARTNERSHIP_EVENTS;
    }
}
