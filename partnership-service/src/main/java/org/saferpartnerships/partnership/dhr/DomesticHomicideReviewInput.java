package org.saferpartnerships.partnership.dhr;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.saferpartnerships.platform.api.Slug;
import org.saferpartnerships.platform.partnership.ReviewStatus;

@Schema(name = "DomesticHomicideReviewInput", example = """
        {"caseReference": "DHR3", "notifiedOn": "2017-04-17", "status": "under-review",
         "panelMeetings": [{"heldOn": "2017-09-19", "note": "First panel meeting"},
                           {"heldOn": "2017-10-16", "note": "Second panel meeting, after the trial"}],
         "recommendations": [{"text": "Refresh GP training on coercive control", "ownerAgencyId": "mid-essex-ccg",
                              "dueOn": "2018-06-30", "completedOn": null}]}""")
public record DomesticHomicideReviewInput(
        @NotBlank @Size(max = 40) String caseReference,
        @Schema(description = "When the partnership was notified; absent when the records do not say")
        @PastOrPresent LocalDate notifiedOn,
        @NotNull ReviewStatus status,
        @Size(max = 100) List<@NotNull @Valid PanelMeeting> panelMeetings,
        @Size(max = 200) List<@NotNull @Valid Recommendation> recommendations) {

    public record PanelMeeting(@NotNull LocalDate heldOn, @Size(max = 2000) String note) {
    }

    /** {@code id} is given by the service; send it back to keep a recommendation's identity. */
    public record Recommendation(UUID id, @NotBlank @Size(max = 2000) String text, @Slug String ownerAgencyId,
            LocalDate dueOn, LocalDate completedOn) {
    }
}
