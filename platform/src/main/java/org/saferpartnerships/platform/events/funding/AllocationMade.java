package org.saferpartnerships.platform.events.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A partnership was allocated a stream's money for a financial year, or the allocation was revised;
 * whole state, with the top-slices withheld so far and the net that leaves.
 */
public record AllocationMade(@JsonIgnore Change change, UUID allocationId, String partnershipId, String funderId,
        UUID streamId, int financialYear, BigDecimal gross, BigDecimal topSliced, BigDecimal net, LocalDate awardedOn,
        String reference, String title, long version) implements FundingEvent {

    public static final String MADE_TYPE = "allocation.made.v1";
    public static final String REVISED_TYPE = "allocation.revised.v1";

    public enum Change {
        MADE(MADE_TYPE),
        REVISED(REVISED_TYPE);

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
        return allocationId.toString();
    }
}
