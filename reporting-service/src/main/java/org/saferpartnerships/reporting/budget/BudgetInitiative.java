package org.saferpartnerships.reporting.budget;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * An initiative of a year as the budget projection has it: what it was given ({@code amount}, null
 * where no amount was published; {@code amountIllustrative} where the amount is an estimate, not a
 * published figure) and what has been spent on it. Title and priority are null for rows applied
 * before they were kept, until the initiative's next event or a rebuild.
 */
public record BudgetInitiative(UUID initiativeId, UUID streamId, String title, UUID priorityId, String status,
        BigDecimal amount, boolean amountIllustrative, BigDecimal spent) {
}
