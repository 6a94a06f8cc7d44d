package org.saferpartnerships.partnership.agencies;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.saferpartnerships.platform.api.Slug;

/** An agency's details as a caller sends them; {@code id} only when registering. */
@Schema(name = "AgencyInput", example = """
        {"id": "essex-police", "name": "Essex Police", "type": "police"}""")
public record AgencyInput(
        @Schema(description = "Slug id, required when registering; on update it must be absent or the same") @Slug String id,
        @NotBlank @Size(max = 200) String name,
        @NotNull AgencyType type,
        @Schema(description = "Responsible authority under the Crime and Disorder Act 1998; defaults from the type")
        Boolean responsibleAuthority) {
}
