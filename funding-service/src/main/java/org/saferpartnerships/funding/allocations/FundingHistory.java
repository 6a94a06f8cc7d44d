package org.saferpartnerships.funding.allocations;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.saferpartnerships.funding.budget.FinancialYear;

/**
 * A partnership's allocations year by year, of one stream or all: enough to say "the grant has been
 * flat for five years". Years without an allocation between the first and the last show as zero.
 */
@Schema(name = "FundingHistory", example = """
        {"partnershipId": "castle-point-rochford", "streamId": null, "from": 2016, "to": 2021,
         "years": [{"financialYear": 2021, "label": "2021/22", "gross": 12337.00, "topSliced": 0.00,
                    "net": 12337.00, "changeInGross": 0.00}],
         "grossUnchangedForYears": 6}""")
public record FundingHistory(String partnershipId, UUID streamId, Integer from, Integer to, List<Year> years,
        int grossUnchangedForYears) {

    static FundingHistory none(String partnershipId, UUID streamId) {
        return new FundingHistory(partnershipId, streamId, null, null, List.of(), 0);
    }

    public record Year(int financialYear, String label, BigDecimal gross, BigDecimal topSliced, BigDecimal net,
            BigDecimal changeInGross) {
    }

    static FundingHistory of(String partnershipId, UUID streamId, int from, int to, List<Allocation> allocations) {
        List<Year> years = new ArrayList<>();
        BigDecimal previous = null;
        for (int year = from; year <= to; year++) {
            int y = year;
            List<Allocation> of = allocations.stream().filter(a -> a.financialYear == y).toList();
            BigDecimal gross = of.stream().map(a -> a.gross).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
            BigDecimal topSliced = of.stream().map(Allocation::topSliced).reduce(BigDecimal.ZERO, BigDecimal::add)
                    .setScale(2);
            years.add(new Year(year, new FinancialYear(year).label(), gross, topSliced, gross.subtract(topSliced),
                    previous == null ? null : gross.subtract(previous)));
            previous = gross;
        }
        int unchanged = 0;
        for (int i = years.size() - 1; i >= 0 && years.get(i).gross().compareTo(years.get(years.size() - 1).gross()) == 0
                && years.get(i).gross().signum() > 0; i--) {
            unchanged++;
        }
        return new FundingHistory(partnershipId, streamId, from, to, List.copyOf(years), unchanged);
    }
}
