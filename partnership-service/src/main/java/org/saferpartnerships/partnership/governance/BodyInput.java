package org.saferpartnerships.partnership.governance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "GovernanceBodyInput", example = """
        {"name": "Responsible Authorities Group", "kind": "responsible-authorities-group", "cadence": "quarterly"}""")
public record BodyInput(@NotBlank @Size(max = 200) String name, @NotNull BodyKind kind, Cadence cadence) {
}
