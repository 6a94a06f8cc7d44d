package org.saferpartnerships.partnership.governance;

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

@Schema(name = "MeetingInput", example = """
        {"bodyId": "5b3f0a1e-8c2d-4f11-9e7a-0c1d2e3f4a5b", "heldOn": "2021-03-18",
         "attendingAgencies": ["colchester-city-council", "essex-police", "essex-county-fire-and-rescue"],
         "decisions": [{"kind": "priorities-adopted", "text": "Priorities for 2021/22 adopted",
                        "references": [{"type": "priority", "id": "1c9e7c52-5d0b-4c8e-8f3e-6f7d2a9b0c11"}]}]}""")
public record MeetingInput(
        @NotNull UUID bodyId,
        @NotNull @PastOrPresent LocalDate heldOn,
        @Size(max = 100) List<@NotNull @Slug String> attendingAgencies,
        @Size(max = 100) List<@NotNull @Valid Decision> decisions) {

    /** A decision, in words, with the kind and the records it decided on. */
    public record Decision(
            @NotNull DecisionKind kind,
            @NotBlank @Size(max = 2000) String text,
            @Size(max = 50) List<@NotNull @Valid Reference> references) {
    }

    /** A record decided on: {@code type} is e.g. priority, assessment, plan, strategy, initiative. */
    public record Reference(@NotBlank @Size(max = 40) String type, @NotBlank @Size(max = 80) String id) {
    }
}
