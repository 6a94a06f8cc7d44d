package org.saferpartnerships.partnership.partnerships;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.saferpartnerships.platform.api.Slug;
import org.saferpartnerships.platform.geography.DistrictCode;

@Schema(name = "PartnershipInput", example = """
        {"id": "castle-point-rochford", "name": "Castle Point and Rochford Community Safety Partnership",
         "districts": ["E07000069", "E07000075"], "pccArea": "Essex", "countyBoard": "Safer Essex",
         "website": "https://www.rochford.gov.uk/community-safety"}""")
public record PartnershipInput(
        @Schema(description = "Slug id, required when registering; on update it must be absent or the same") @Slug String id,
        @NotBlank @Size(max = 200) String name,
        @Schema(description = "ONS GSS codes of the local authority districts covered, in England or Wales; a "
                + "district abolished in a reorganisation cannot be added, its successor can")
        @NotEmpty @Size(max = 10) List<@NotNull @DistrictCode String> districts,
        @Size(max = 100) String pccArea,
        @Size(max = 100) String countyBoard,
        @Size(max = 300) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String website) {
}
