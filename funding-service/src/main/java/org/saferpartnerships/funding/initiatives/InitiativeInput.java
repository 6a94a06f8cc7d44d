package org.saferpartnerships.funding.initiatives;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "InitiativeInput", example = """
        {"streamId": "4b0f5a8e-2c1d-4e6f-9a7b-3c2d1e0f9a8b", "financialYear": 2017,
         "title": "Public Space Protection Order (PSPO) signage", "description": null,
         "priorityId": "6f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c", "amount": null, "amountIllustrative": false,
         "approvedOn": "2017-10-06", "approvedAtMeetingId": null, "status": "approved"}""")
public record InitiativeInput(
        @NotNull UUID streamId,
        @Schema(description = "The calendar year the financial year starts in; fixed once recorded")
        @NotNull @Min(2000) @Max(2100) Integer financialYear,
        @NotBlank @Size(max = 300) String title,
        @Size(max = 2000) String description,
        @Schema(description = "One of the partnership's priorities (from partnership-service)") UUID priorityId,
        @Schema(description = "Pounds committed, to the penny; null where none was published")
        @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal amount,
        @Schema(description = "The amount is an assumption for illustration, not a published figure")
        Boolean amountIllustrative,
        LocalDate approvedOn,
        @Schema(description = "The partnership's meeting that approved it (from partnership-service)")
        UUID approvedAtMeetingId,
        @NotNull InitiativeStatus status) {

    @AssertTrue(message = "amountIllustrative needs an amount")
    @Schema(hidden = true)
    public boolean isIllustrationOfAnAmount() {
        return !Boolean.TRUE.equals(amountIllustrative) || amount != null;
    }
}
