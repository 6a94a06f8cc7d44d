package org.saferpartnerships.funding.funders;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FundingStreamInput", example = """
        {"name": "Community Safety Partnership grant", "kind": "core-grant"}""")
public record FundingStreamInput(@NotBlank @Size(max = 200) String name, @NotNull StreamKind kind) {
}
