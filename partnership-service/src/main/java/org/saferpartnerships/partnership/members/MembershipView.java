package org.saferpartnerships.partnership.members;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.saferpartnerships.partnership.agencies.Agency;
import org.saferpartnerships.partnership.agencies.AgencyType;

@Schema(name = "Membership", example = """
        {"id": "0b8f8c2e-2a51-4f0e-9a3e-8b7f0f3f7a11", "partnershipId": "safer-colchester",
         "agency": {"id": "essex-police", "name": "Essex Police", "type": "police"},
         "role": "member", "statutory": true, "from": "2020-04-01", "until": null, "version": 0}""")
public record MembershipView(UUID id, String partnershipId, AgencySummary agency, MemberRole role, boolean statutory,
        LocalDate from, LocalDate until, long version) {

    public record AgencySummary(String id, String name, AgencyType type) {
    }

    static MembershipView of(Membership membership, Agency agency) {
        return new MembershipView(membership.id, membership.partnershipId,
                new AgencySummary(agency.id, agency.name, agency.type), membership.role, membership.statutory,
                membership.from, membership.until, membership.version);
    }
}
