package org.saferpartnerships.funding.allocations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.saferpartnerships.funding.budget.FinancialYear;

@Schema(name = "Allocation", example = """
        {"id": "9c3e2b1a-0f4d-4a5b-8c6d-7e8f9a0b1c2d", "partnershipId": "maldon",
         "streamId": "4b0f5a8e-2c1d-4e6f-9a7b-3c2d1e0f9a8b", "funderId": "essex-pfcc", "financialYear": 2017,
         "financialYearLabel": "2017/18", "gross": 14235.00,
         "topSlices": [{"id": "1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "amount": 1708.00,
                        "purpose": "Centralised Domestic Homicide Review process", "appliedOn": "2017-04-01"}],
         "topSliced": 1708.00, "net": 12527.00, "awardedOn": "2017-04-01", "reference": "CSP-2017-MAL",
         "title": "Community Safety Partnership grant 2017/18", "description": null, "version": 1}""")
public record AllocationView(UUID id, String partnershipId, UUID streamId, String funderId, int financialYear,
        String financialYearLabel, BigDecimal gross, List<TopSliceView> topSlices, BigDecimal topSliced, BigDecimal net,
        LocalDate awardedOn, String reference, String title, String description, long version) {

    public record TopSliceView(UUID id, BigDecimal amount, String purpose, LocalDate appliedOn) {
    }

    static AllocationView of(Allocation a, String funderId) {
        return new AllocationView(a.id, a.partnershipId, a.streamId, funderId, a.financialYear,
                new FinancialYear(a.financialYear).label(), a.gross.setScale(2),
                a.topSlices.stream().map(s -> new TopSliceView(s.id, s.amount, s.purpose, s.appliedOn)).toList(),
                a.topSliced(), a.net(), a.awardedOn, a.reference, a.title, a.description, a.version);
    }
}
