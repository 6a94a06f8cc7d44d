package org.saferpartnerships.funding.carryforwards;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CarryForwardDecision", example = """
        {"decision": "approved", "approved": 10142.00, "decidedOn": "2021-05-12",
         "note": "Approved in full by the Commissioner's office"}""")
public record CarryForwardDecision(
        @Schema(description = "approved or declined") @NotNull CarryForwardStatus decision,
        @Schema(description = "Pounds approved, possibly other than requested; only with an approval")
        @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal approved,
        @Schema(description = "Defaults to today") LocalDate decidedOn,
        @Size(max = 2000) String note) {

    @AssertTrue(message = "an approval names the amount approved; a decline names none; requested is no decision")
    @Schema(hidden = true)
    public boolean isCoherent() {
        return decision == null || decision == CarryForwardStatus.APPROVED && approved != null
                || decision == CarryForwardStatus.DECLINED && approved == null;
    }
}
