package org.saferpartnerships.funding.grants;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One allocation as a grant of the 360Giving Data Standard (1.4): the fields keep the standard's
 * names, so the JSON is a 360Giving grant as it stands. Each list holds one entry: an allocation
 * has one recipient, one funder, one financial year and one stream.
 */
@Schema(name = "ThreeSixtyGivingGrant", description = "A grant in the 360Giving Data Standard's shape")
public record Grant(
        @Schema(description = "<the funder's 360Giving prefix>-<the allocation's reference>") String id,
        String title,
        @Schema(description = "The allocation's description, or a sentence naming the stream, partnership and "
                + "year; any top-slice is stated with the gross and the net") String description,
        @Schema(description = "Always GBP") String currency,
        @Schema(description = "The net: the gross less what the funder top-sliced, in pounds to the penny")
        BigDecimal amountAwarded,
        LocalDate awardDate,
        @Schema(description = "The financial year: 1 April to 31 March") List<Period> plannedDates,
        List<Organisation> recipientOrganization,
        List<Organisation> fundingOrganization,
        @Schema(description = "The funder's stream the allocation is of") List<Programme> grantProgramme) {

    @Schema(name = "ThreeSixtyGivingPeriod")
    public record Period(LocalDate startDate, LocalDate endDate) {
    }

    @Schema(name = "ThreeSixtyGivingOrganisation")
    public record Organisation(String id, String name) {
    }

    @Schema(name = "ThreeSixtyGivingProgramme")
    public record Programme(String title) {
    }
}
