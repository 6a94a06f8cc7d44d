package org.saferpartnerships.funding.carryforwards;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CarryForwardRequest", example = """
        {"streamId": "4b0f5a8e-2c1d-4e6f-9a7b-3c2d1e0f9a8b", "fromYear": 2020, "requested": 10142.00,
         "reason": "Projects delayed by the pandemic; committed for delivery in 2021/22"}""")
public record CarryForwardRequest(
        @NotNull UUID streamId,
        @Schema(description = "The year whose underspend rolls over (2020 = 2020/21); it counts in the next")
        @NotNull @Min(2000) @Max(2099) Integer fromYear,
        @Schema(description = "Pounds, to the penny; at most what the year had available from the stream")
        @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal requested,
        @NotBlank @Size(max = 2000) String reason) {
}
