package org.saferpartnerships.funding.funders;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Funder", example = """
        {"id": "essex-pfcc", "name": "Police, Fire and Crime Commissioner for Essex", "kind": "commissioner",
         "orgId": "GB-GOVUK-essex-pfcc", "grantPrefix": "360G-essexpfcc", "version": 0}""")
public record FunderView(String id, String name, FunderKind kind, String orgId, String grantPrefix, long version) {

    static FunderView of(Funder f) {
        return new FunderView(f.id, f.name, f.kind, f.orgId, f.grantPrefix, f.version);
    }
}
