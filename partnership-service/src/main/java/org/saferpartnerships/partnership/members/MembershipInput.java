package org.saferpartnerships.partnership.members;

import java.time.LocalDate;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.saferpartnerships.platform.api.Slug;

@Schema(name = "MembershipInput", example = """
        {"agencyId": "essex-police", "role": "member", "from": "2020-04-01"}""")
public record MembershipInput(
        @Schema(description = "The member agency; cannot change once set") @NotNull @Slug String agencyId,
        @NotNull MemberRole role,
        @Schema(description = "Sits as a responsible authority; defaults from the agency") Boolean statutory,
        @NotNull LocalDate from,
        @Schema(description = "Last day of membership; absent while it lasts") LocalDate until) {

    @AssertTrue(message = "until must not be before from")
    @Schema(hidden = true)
    public boolean isPeriodInOrder() {
        return from == null || until == null || !until.isBefore(from);
    }
}
