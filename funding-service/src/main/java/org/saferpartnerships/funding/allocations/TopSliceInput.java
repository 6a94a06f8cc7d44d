package org.saferpartnerships.funding.allocations;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TopSliceInput", example = """
        {"amount": 1708.00, "purpose": "Centralised Domestic Homicide Review process", "appliedOn": "2017-04-01"}""")
public record TopSliceInput(
        @Schema(description = "Pounds withheld, to the penny")
        @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
        @NotBlank @Size(max = 300) String purpose,
        @Schema(description = "Defaults to today") LocalDate appliedOn) {
}
