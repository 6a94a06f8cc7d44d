package org.saferpartnerships.partnership.members;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.saferpartnerships.partnership.agencies.Agency;
import org.saferpartnerships.partnership.common.PartnershipRecords;
import org.saferpartnerships.platform.domain.RuleViolated;
import org.saferpartnerships.platform.domain.StateConflict;
import org.saferpartnerships.platform.events.DomainEvent;

/** Agencies joining, changing role, and leaving (an end date, never a deletion). */
@ApplicationScoped
public class MembershipService extends PartnershipRecords<Membership, MembershipInput> {

    MembershipService() {
        super(Membership.class, "membership");
    }

    public List<Membership> of(String partnershipId, LocalDate on) {
        List<Membership> all = Membership.list("partnershipId = ?1 order by from, agencyId", partnershipId);
        return on == null ? all : all.stream().filter(m -> m.activeOn(on)).toList();
    }

    @Override
    protected Membership newRecord() {
        return new Membership();
    }

    @Override
    protected void beforeCreate(Membership membership, MembershipInput input) {
        membership.agencyId = agency(input.agencyId()).id;
    }

    @Override
    protected void beforeRevise(Membership membership, MembershipInput input) {
        if (!membership.agencyId.equals(input.agencyId())) {
            throw new RuleViolated("A membership's agency cannot change; end it and add the other agency");
        }
    }

    @Override
    protected void apply(Membership membership, MembershipInput input) {
        Agency agency = agency(input.agencyId());
        List<Membership> others = Membership.list("partnershipId = ?1 and agencyId = ?2 and id <> ?3",
                membership.partnershipId, agency.id, membership.id);
        if (others.stream().anyMatch(other -> other.overlaps(input.from(), input.until()))) {
            throw new StateConflict(agency.id + " is already a member of "
                    + membership.partnershipId + " for part of that period");
        }
        membership.role = input.role();
        membership.statutory = input.statutory() != null ? input.statutory() : agency.responsibleAuthority;
        membership.from = input.from();
        membership.until = input.until();
    }

    @Override
    protected DomainEvent event(Membership membership, boolean created) {
        return membership.changed();
    }

    static Agency agency(String agencyId) {
        return Agency.<Agency>findByIdOptional(agencyId).orElseThrow(() -> new RuleViolated("agencyId: no agency " + agencyId + " in the directory; register it first"));
    }
}
