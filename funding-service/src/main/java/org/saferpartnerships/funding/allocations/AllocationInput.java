package org.saferpartnerships.funding.allocations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AllocationInput", example = """
        {"streamId": "4b0f5a8e-2c1d-4e6f-9a7b-3c2d1e0f9a8b", "financialYear": 2021, "gross": 12337.00,
         "awardedOn": "2021-04-01", "reference": "CSP-2021-CPR", "title": "Community Safety Partnership grant 2021/22",
         "description": "Annual grant to Castle Point and Rochford Community Safety Partnership"}""")
public record AllocationInput(
        @NotNull UUID streamId,
        @Schema(description = "The calendar year the financial year starts in: 2021 is 2021/22")
        @NotNull @Min(2000) @Max(2100) Integer financialYear,
        @Schema(description = "Pounds, to the penny")
        @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal gross,
        @NotNull LocalDate awardedOn,
        @Schema(description = "The funder's reference of the grant; unique within the stream, fixed once made")
        @NotBlank @Size(max = 60) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*") String reference,
        @NotBlank @Size(max = 300) String title,
        @Size(max = 2000) String description) {
}
