package org.saferpartnerships.platform.events.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A partnership's financial year was published (its budget position may be shown to viewers) or
 * closed (its outturn fixed per stream; no more allocations or spend).
 */
public record FinancialYearChanged(@JsonIgnore Change change, String partnershipId, int financialYear, String status,
        LocalDate on, List<StreamOutturn> outturns) implements FundingEvent {

    /** What a stream's money came to in the year: fixed when the year is closed, empty before. */
    public record StreamOutturn(UUID streamId, BigDecimal available, BigDecimal outturn, BigDecimal underspend) {
    }

    public static final String PUBLISHED_TYPE = "financial-year.published.v1";
    public static final String CLOSED_TYPE = "financial-year.closed.v1";

    public enum Change {
        PUBLISHED(PUBLISHED_TYPE),
        CLOSED(CLOSED_TYPE);

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
        return partnershipId + "/" + financialYear;
    }
}
