package org.saferpartnerships.partnership.assessments;

import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.saferpartnerships.partnership.common.Theme;

/**
 * A strategic assessment as drafted: its period (1 October to 30 September), the scoring matrix,
 * and the candidate issues scored on it.
 */
@Schema(name = "AssessmentInput", example = """
        {"periodStart": "2020-10-01", "periodEnd": "2021-09-30",
         "criteria": [{"name": "harm", "weight": 3}, {"name": "volume", "weight": 2}, {"name": "trend", "weight": 1},
                      {"name": "public concern", "weight": 1}, {"name": "vulnerability", "weight": 2}],
         "issues": [{"title": "Anti-social behaviour in the town centre", "theme": "anti-social-behaviour",
                     "scores": {"harm": 3, "volume": 5, "trend": 4, "public concern": 5, "vulnerability": 2}}]}""")
public record AssessmentInput(
        @NotNull LocalDate periodStart,
        @NotNull LocalDate periodEnd,
        @Schema(description = "The scoring matrix; defaults to harm, volume, trend, public concern, vulnerability")
        @Size(max = 12) List<@NotNull @Valid Criterion> criteria,
        @Size(max = 100) List<@NotNull @Valid CandidateIssue> issues) {

    public static final List<Criterion> DEFAULT_CRITERIA = List.of(new Criterion("harm", 3),
            new Criterion("volume", 2), new Criterion("trend", 1), new Criterion("public concern", 1),
            new Criterion("vulnerability", 2));

    public record Criterion(@NotBlank @Size(max = 60) String name, @NotNull @Min(1) @Max(10) Integer weight) {
    }

    /** {@code id} is given by the service; send it back to keep the issue's identity (priorities link to it). */
    public record CandidateIssue(UUID id, @NotBlank @Size(max = 300) String title, Theme theme,
            @NotNull Map<String, @NotNull @Min(1) @Max(5) Integer> scores) {
    }

    @AssertTrue(message = "an assessment covers 1 October to 30 September of the next year")
    @Schema(hidden = true)
    public boolean isAssessmentYear() {
        return periodStart == null || periodEnd == null
                || (periodStart.getMonth() == Month.OCTOBER && periodStart.getDayOfMonth() == 1
                        && periodEnd.equals(periodStart.plusYears(1).minusDays(1)));
    }
}
