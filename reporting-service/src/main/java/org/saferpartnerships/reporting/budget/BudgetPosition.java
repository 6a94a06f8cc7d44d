package org.saferpartnerships.reporting.budget;

import java.util.List;
import java.util.UUID;

import org.saferpartnerships.platform.funding.BudgetLine;

/**
 * A partnership's budget for a financial year as the budget projection has it: the year's status
 * ({@code open}, {@code published}, {@code closed}), a line per stream and their total.
 */
public record BudgetPosition(String partnershipId, int financialYear, String status, List<StreamPosition> streams,
        BudgetLine total) {

    /** One stream's line; funder and names are null until the stream's (and its funder's) events arrive. */
    public record StreamPosition(UUID streamId, String funderId, String funderName, String streamName,
            BudgetLine line) {
    }
}
