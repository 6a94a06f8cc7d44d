package org.saferpartnerships.platform.notes;

import java.util.UUID;

import org.saferpartnerships.platform.events.DomainEvent;

/** An event for a topic Kafka refuses (its name is not a valid topic name), as a misconfiguration would make. */
public record NoteMisrouted(UUID noteId, String partnershipId) implements DomainEvent {

    public static final String TOPIC = "platform-tests refused";

    @Override
    public String eventType() {
        return "note.misrouted.v1";
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public String subject() {
        return noteId.toString();
    }
}
