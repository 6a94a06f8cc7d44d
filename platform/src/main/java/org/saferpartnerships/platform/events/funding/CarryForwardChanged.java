package org.saferpartnerships.platform.events.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A partnership asked that a year's underspend roll into the next, or the funder decided
 * (approved, possibly another amount, or declined); whole state. Only an approved amount counts,
 * in {@code intoYear}.
 */
public record CarryForwardChanged(@JsonIgnore Change change, UUID carryForwardId, String partnershipId,
        UUID streamId, int fromYear, int intoYear, BigDecimal requested, String reason, String status,
        BigDecimal approved, LocalDate decidedOn, String decisionNote, long version) implements FundingEvent {

    public static final String REQUESTED_TYPE = "carry-forward.requested.v1";
    public static final String DECIDED_TYPE = "carry-forward.decided.v1";

    public enum Change {
        REQUESTED(REQUESTED_TYPE),
        DECIDED(DECIDED_TYPE);

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
        return carryForwardId.toString();
    }
}
