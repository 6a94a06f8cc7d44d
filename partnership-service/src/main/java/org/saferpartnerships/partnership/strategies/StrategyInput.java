package org.saferpartnerships.partnership.strategies;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A three-year community safety strategy, reviewed yearly and shared with the PCC. */
@Schema(name = "StrategyInput", example = """
        {"title": "Community Safety Strategy 2021-2023", "startYear": 2021, "endYear": 2023,
         "focusAreas": ["Anti-social behaviour", "Domestic abuse", "Exploitation of vulnerable people"],
         "outcomes": [{"name": "Fewer repeat ASB victims", "measure": "repeat victims per year"}],
         "reviews": [{"reviewedOn": "2022-03-15", "summary": "On track; hate crime added as an emerging theme"}]}""")
public record StrategyInput(
        @NotBlank @Size(max = 300) String title,
        @NotNull @Min(1998) @Max(2100) Integer startYear,
        @NotNull @Min(1998) @Max(2100) Integer endYear,
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 300) String> focusAreas,
        @Size(max = 50) List<@NotNull @Valid Outcome> outcomes,
        @Size(max = 20) List<@NotNull @Valid Review> reviews) {

    /** An outcome the partnership tracks, and how it is measured. */
    public record Outcome(@NotBlank @Size(max = 300) String name, @Size(max = 300) String measure) {
    }

    /** The yearly review of the strategy. */
    public record Review(@NotNull LocalDate reviewedOn, @NotBlank @Size(max = 4000) String summary) {
    }

    @AssertTrue(message = "a strategy covers three years: endYear is startYear + 2")
    @Schema(hidden = true)
    public boolean isThreeYears() {
        return startYear == null || endYear == null || endYear == startYear + 2;
    }
}
