package org.saferpartnerships.platform.events.partnership;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A priority was drafted or changed ({@code priority.drafted.v1}) or adopted
 * ({@code priority.adopted.v1}, with the adopting body and date); whole state.
 */
public record PriorityChanged(@JsonIgnore Change change, UUID priorityId, String partnershipId, int financialYear,
        String title, String theme, String description, String status, UUID adoptedByBodyId, LocalDate adoptedOn,
        UUID assessmentId, UUID assessmentIssueId, long version) implements PartnershipEvent {

    /** The types as constants, for a consumer's {@code switch}. */
    public static final String DRAFTED_TYPE = "priority.drafted.v1";
    public static final String ADOPTED_TYPE = "priority.adopted.v1";

    public enum Change {
        DRAFTED(DRAFTED_TYPE),
        ADOPTED(ADOPTED_TYPE);

        public final String type;

        Change(String type) {
            this.type = type;
        }
    }

    @Override
    public String eventType() {
        return change.type;
    }

    @Override
    public String subject() {
        return priorityId.toString();
    }
}
