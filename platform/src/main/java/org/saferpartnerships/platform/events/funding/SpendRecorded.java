package org.saferpartnerships.platform.events.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A dated line of spend against an initiative, or the reversal of one (a line of the opposite
 * amount naming the line it reverses): spend is corrected by reversing, never by editing history.
 */
public record SpendRecorded(@JsonIgnore Change change, UUID spendLineId, UUID initiativeId, String partnershipId,
        UUID streamId, int financialYear, LocalDate spentOn, BigDecimal amount, String description,
        UUID reversesLineId) implements FundingEvent {

    public static final String RECORDED_TYPE = "spend.recorded.v1";
    public static final String REVERSED_TYPE = "spend.reversed.v1";

    public enum Change {
        RECORDED(RECORDED_TYPE),
        REVERSED(REVERSED_TYPE);

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
        return spendLineId.toString();
    }
}
