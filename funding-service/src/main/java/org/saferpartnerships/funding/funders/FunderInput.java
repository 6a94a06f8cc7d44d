package org.saferpartnerships.funding.funders;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FunderInput", example = """
        {"id": "essex-pfcc", "name": "Police, Fire and Crime Commissioner for Essex", "kind": "commissioner",
         "orgId": "GB-GOVUK-essex-pfcc", "grantPrefix": "360G-essexpfcc"}""")
public record FunderInput(
        @Schema(description = "The agency id its funding officers' tokens carry; fixed once registered")
        @NotBlank @Size(max = 100) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String id,
        @NotBlank @Size(max = 200) String name,
        @NotNull FunderKind kind,
        @Schema(description = "Organisation identifier for publishing (org-id.guide), e.g. GB-GOVUK-… or GB-LAE-…")
        @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9]+-[A-Za-z0-9]+-[A-Za-z0-9._-]+") String orgId,
        @Schema(description = "360Giving identifier prefix registered with 360Giving, e.g. 360G-essexpfcc; fixed once "
                + "registered, as the identifiers of the grants published under it")
        @NotBlank @Size(max = 60) @Pattern(regexp = "360G-[A-Za-z0-9_-]+") String grantPrefix) {
}
