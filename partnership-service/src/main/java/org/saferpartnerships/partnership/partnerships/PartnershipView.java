package org.saferpartnerships.partnership.partnerships;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.saferpartnerships.platform.geography.LocalAuthorityDistricts;

@Schema(name = "Partnership", example = """
        {"id": "castle-point-rochford", "name": "Castle Point and Rochford Community Safety Partnership",
         "districts": [{"code": "E07000069", "name": "Castle Point"}, {"code": "E07000075", "name": "Rochford"}],
         "pccArea": "Essex", "countyBoard": "Safer Essex", "website": "https://www.rochford.gov.uk/community-safety",
         "version": 0}""")
public record PartnershipView(String id, String name, List<District> districts, String pccArea, String countyBoard,
        String website, long version) {

    public record District(String code, String name) {
    }

    public static PartnershipView of(Partnership p) {
        List<District> districts = p.districts.stream()
                .map(code -> new District(code, LocalAuthorityDistricts.nameOf(code).orElse(null)))
                .toList();
        return new PartnershipView(p.id, p.name, districts, p.pccArea, p.countyBoard, p.website, p.version);
    }
}
