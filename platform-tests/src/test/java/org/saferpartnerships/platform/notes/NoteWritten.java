package org.saferpartnerships.platform.notes;

import java.util.UUID;

import org.saferpartnerships.platform.events.DomainEvent;

/** The test application's event: a note was written. */
public record NoteWritten(UUID noteId, String partnershipId, String text) implements DomainEvent {

    public static final String TYPE = "note.written.v1";
    public static final String TOPIC = "platform-tests.notes";

    @Override
    public String eventType() {
        return TYPE;
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
