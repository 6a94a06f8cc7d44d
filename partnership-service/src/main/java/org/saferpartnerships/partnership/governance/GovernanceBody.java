package org.saferpartnerships.partnership.governance;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.saferpartnerships.partnership.common.PartnershipRecord;

/** A board or group of the partnership: its Responsible Authorities Group, a Joint Action Group, a hub… */
@Entity
@Table(name = "governance_body")
public class GovernanceBody extends PartnershipRecord {

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BodyKind kind;

    @Enumerated(EnumType.STRING)
    public Cadence cadence;


    public static GovernanceBody of(String partnershipId, UUID id) {
        return GovernanceBody.<GovernanceBody>findByIdOptional(id).filter(b -> b.partnershipId.equals(partnershipId))
                .orElse(null);
    }
}
