package org.saferpartnerships.platform.events.partnership;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A meeting was recorded or its record corrected: when, which body, who attended, and the kinds
 * of decision taken with the records they refer to. Type {@code meeting.recorded.v1}.
 */
public record MeetingRecorded(UUID meetingId, String partnershipId, UUID bodyId, LocalDate heldOn,
        List<String> attendingAgencies, List<Decision> decisions, long version) implements PartnershipEvent {

    public static final String TYPE = "meeting.recorded.v1";

    public record Decision(String kind, String text, List<Reference> references) {
    }

    public record Reference(String type, String id) {
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return meetingId.toString();
    }
}
