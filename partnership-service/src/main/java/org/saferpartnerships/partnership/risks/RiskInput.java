package org.saferpartnerships.partnership.risks;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RiskInput", example = """
        {"reference": "1", "description": "Lack of resource to fulfil the strategic plan", "likelihood": 3,
         "impact": 2, "mitigation": "Council partners' ongoing duty to address crime and disorder",
         "owner": "Communities and Neighbourhoods Manager", "reviewOn": "2022-03-31"}""")
public record RiskInput(
        @NotBlank @Size(max = 20) String reference,
        @NotBlank @Size(max = 1000) String description,
        @Schema(description = "1 almost impossible, 2 very low, 3 low, 4 significant, 5 high, 6 very high")
        @NotNull @Min(1) @Max(6) Integer likelihood,
        @Schema(description = "1 negligible, 2 marginal, 3 critical, 4 catastrophic")
        @NotNull @Min(1) @Max(4) Integer impact,
        @Size(max = 2000) String mitigation,
        @Size(max = 200) String owner,
        LocalDate reviewOn,
        Boolean closed) {
}
