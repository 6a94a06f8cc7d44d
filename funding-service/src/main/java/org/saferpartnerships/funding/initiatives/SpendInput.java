package org.saferpartnerships.funding.initiatives;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SpendInput", example = """
        {"spentOn": "2021-09-14", "amount": 2450.00, "description": "Invoice 1043: youth diversion sessions"}""")
public record SpendInput(
        @Schema(description = "Within the initiative's financial year") @NotNull LocalDate spentOn,
        @Schema(description = "Pounds, to the penny") @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2)
        BigDecimal amount,
        @NotBlank @Size(max = 500) String description) {
}
