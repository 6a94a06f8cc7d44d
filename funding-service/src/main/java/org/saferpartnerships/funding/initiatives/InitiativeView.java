package org.saferpartnerships.funding.initiatives;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Initiative", example = """
        {"id": "3a4b5c6d-7e8f-4a9b-8c0d-1e2f3a4b5c6d", "partnershipId": "maldon",
         "streamId": "4b0f5a8e-2c1d-4e6f-9a7b-3c2d1e0f9a8b", "financialYear": 2017, "financialYearLabel": "2017/18",
         "title": "Public Space Protection Order (PSPO) signage", "description": null,
         "priorityId": "6f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c", "amount": null, "amountIllustrative": false,
         "approvedOn": "2017-10-06", "approvedAtMeetingId": null, "status": "approved", "spent": 0.00, "version": 0}""")
public record InitiativeView(UUID id, String partnershipId, UUID streamId, int financialYear,
        String financialYearLabel, String title, String description, UUID priorityId, BigDecimal amount,
        boolean amountIllustrative, LocalDate approvedOn, UUID approvedAtMeetingId, InitiativeStatus status,
        BigDecimal spent, long version) {

    static InitiativeView of(Initiative i, BigDecimal spent) {
        return new InitiativeView(i.id, i.partnershipId, i.streamId, i.financialYear,
                new org.saferpartnerships.funding.budget.FinancialYear(i.financialYear).label(), i.title, i.description,
                i.priorityId, i.amount, i.amountIllustrative, i.approvedOn, i.approvedAtMeetingId, i.status, spent,
                i.version);
    }
}
