package org.saferpartnerships.platform.events.funding;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The funder withheld part of an allocation for a purpose of its own (e.g. the centralised
 * Domestic Homicide Review process); with the allocation's totals after it.
 */
public record TopSliceApplied(UUID topSliceId, UUID allocationId, String partnershipId, UUID streamId,
        int financialYear, BigDecimal amount, String purpose, BigDecimal allocationTopSliced, BigDecimal allocationNet,
        long allocationVersion) implements FundingEvent {

    public static final String TYPE = "top-slice.applied.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return topSliceId.toString();
    }
}
