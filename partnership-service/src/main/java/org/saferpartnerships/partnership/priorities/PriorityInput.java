package org.saferpartnerships.partnership.priorities;

import java.util.UUID;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.saferpartnerships.partnership.common.Theme;

@Schema(name = "PriorityInput", example = """
        {"financialYear": 2021, "title": "Tackle anti-social behaviour and criminal damage",
         "theme": "anti-social-behaviour", "description": "Reduce ASB in the town centres and on the seafront"}""")
public record PriorityInput(
        @Schema(description = "Start year of the financial year: 2021 = 1 April 2021 - 31 March 2022")
        @NotNull @Min(1998) @Max(2100) Integer financialYear,
        @NotBlank @Size(max = 300) String title,
        @NotNull Theme theme,
        @Size(max = 4000) String description,
        @Schema(description = "The strategic assessment the priority came from, with the issue in it")
        UUID assessmentId,
        UUID assessmentIssueId) {

    @AssertTrue(message = "give assessmentId and assessmentIssueId together")
    @Schema(hidden = true)
    public boolean isAssessmentLinkComplete() {
        return (assessmentId == null) == (assessmentIssueId == null);
    }
}
