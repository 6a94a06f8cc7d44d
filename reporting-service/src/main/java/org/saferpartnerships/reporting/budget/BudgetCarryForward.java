package org.saferpartnerships.reporting.budget;

import java.math.BigDecimal;
import java.util.UUID;

/** A request to carry a stream's underspend from one year into the next, and the funder's decision. */
public record BudgetCarryForward(UUID carryForwardId, UUID streamId, int fromYear, int intoYear, String status,
        BigDecimal requested, BigDecimal approved) {
}
