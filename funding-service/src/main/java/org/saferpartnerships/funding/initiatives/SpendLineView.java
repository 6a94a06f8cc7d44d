package org.saferpartnerships.funding.initiatives;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SpendLine", example = """
        {"id": "8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e", "initiativeId": "3a4b5c6d-7e8f-4a9b-8c0d-1e2f3a4b5c6d",
         "spentOn": "2021-09-14", "amount": 2450.00, "description": "Invoice 1043: youth diversion sessions",
         "reversesId": null, "reversedById": null, "recordedAt": "2021-09-15T10:12:00Z"}""")
public record SpendLineView(UUID id, UUID initiativeId, LocalDate spentOn, BigDecimal amount, String description,
        UUID reversesId, UUID reversedById, Instant recordedAt) {

    static SpendLineView of(SpendLine line, UUID reversedById) {
        return new SpendLineView(line.id, line.initiativeId, line.spentOn, line.amount, line.description,
                line.reversesId, reversedById, line.recordedAt);
    }
}
