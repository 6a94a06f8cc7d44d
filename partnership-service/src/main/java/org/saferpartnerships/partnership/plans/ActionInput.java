package org.saferpartnerships.partnership.plans;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.saferpartnerships.platform.api.Slug;
import org.saferpartnerships.platform.partnership.ActionStatus;

/** An action of the annual partnership plan: who delivers what by when, and how success is measured. */
@Schema(name = "ActionInput", example = """
        {"priorityId": "1c9e7c52-5d0b-4c8e-8f3e-6f7d2a9b0c11", "title": "Deliver the Crucial Crew programme to Year 6",
         "ownerAgencyId": "rochford-district-council", "startOn": "2021-04-01", "dueOn": "2022-03-31",
         "status": "on-track",
         "milestones": [{"title": "Sessions booked with schools", "dueOn": "2021-06-30", "completedOn": "2021-06-12"}],
         "measures": [{"name": "pupils reached", "unit": "pupils", "target": 1500, "actual": 1600},
                      {"name": "rated very good or excellent", "unit": "%", "target": 70, "actual": 70}]}""")
public record ActionInput(
        @Schema(description = "The priority the action delivers; a priority of this partnership") UUID priorityId,
        @NotBlank @Size(max = 300) String title,
        @NotNull @Slug String ownerAgencyId,
        @NotNull LocalDate startOn,
        @NotNull LocalDate dueOn,
        @NotNull ActionStatus status,
        @Size(max = 50) List<@NotNull @Valid Milestone> milestones,
        @Size(max = 20) List<@NotNull @Valid Measure> measures) {

    public record Milestone(@NotBlank @Size(max = 300) String title, LocalDate dueOn, LocalDate completedOn) {
    }

    /** An outcome measure, e.g. pupils reached 1,600 against 1,500, or 70% rating the sessions very good. */
    public record Measure(@NotBlank @Size(max = 200) String name, @Size(max = 40) String unit, BigDecimal target,
            BigDecimal actual) {
    }

    @AssertTrue(message = "dueOn must not be before startOn")
    @Schema(hidden = true)
    public boolean isPeriodInOrder() {
        return startOn == null || dueOn == null || !dueOn.isBefore(startOn);
    }
}
