package org.saferpartnerships.partnership.agencies;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Agency", example = """
        {"id": "essex-police", "name": "Essex Police", "type": "police", "responsibleAuthority": true, "version": 0}""")
public record AgencyView(String id, String name, AgencyType type, boolean responsibleAuthority, long version) {

    public static AgencyView of(Agency agency) {
        return new AgencyView(agency.id, agency.name, agency.type, agency.responsibleAuthority, agency.version);
    }
}
