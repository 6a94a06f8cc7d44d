package org.saferpartnerships.platform.events.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A commitment of a partnership's money to an initiative serving a priority: proposed, approved,
 * or changed afterwards (completed, cancelled, re-costed); whole state. {@code amount} is null where
 * the approving paper published none; {@code amountIllustrative} marks a figure that was assumed.
 */
public record InitiativeChanged(@JsonIgnore Change change, UUID initiativeId, String partnershipId, UUID streamId,
        int financialYear, String title, String description, UUID priorityId, BigDecimal amount,
        boolean amountIllustrative, LocalDate approvedOn, UUID approvedAtMeetingId, String status, long version)
        implements FundingEvent {

    public static final String PROPOSED_TYPE = "initiative.proposed.v1";
    public static final String APPROVED_TYPE = "initiative.approved.v1";
    public static final String CHANGED_TYPE = "initiative.changed.v1";

    public enum Change {
        PROPOSED(PROPOSED_TYPE),
        APPROVED(APPROVED_TYPE),
        CHANGED(CHANGED_TYPE);

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
        return initiativeId.toString();
    }
}
