package org.saferpartnerships.incident.partnerships;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.saferpartnerships.platform.events.partnership.MembershipChanged;
import org.saferpartnerships.platform.events.partnership.PartnershipChanged;
import org.saferpartnerships.platform.geography.District;
import org.saferpartnerships.platform.geography.LocalAuthorityDistricts;

/**
 * incident-service's own copy of who covers which district and which agency belongs to which
 * partnership when, kept from partnership events, so intake never calls partnership-service.
 * A change older than what is held (lower version) is ignored, so redelivery and replays are safe.
 */
@ApplicationScoped
public class PartnershipReplica {

    private final EntityManager entityManager;

    PartnershipReplica(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Takes the partnership's districts as of this change, made at {@code changedAt}. Only its own
     * claims change: a district another partnership holds is not taken from it, so the order in
     * which two partnerships' events arrive does not matter (see {@link #covering}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(PartnershipChanged event, Instant changedAt) {
        int changed = entityManager.createNativeQuery("""
                insert into partnership_replica (id, name, version) values (?1, ?2, ?3)
                on conflict (id) do update set name = excluded.name, version = excluded.version
                where partnership_replica.version < excluded.version""")
                .setParameter(1, event.partnershipId()).setParameter(2, event.name()).setParameter(3, event.version())
                .executeUpdate();
        if (changed == 0) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<String> held = entityManager.createNativeQuery(
                "select district_code from district_replica where partnership_id = ?1")
                .setParameter(1, event.partnershipId()).getResultList();
        // A district abolished since the partnership named it is held as the district that carries
        // it on: incidents are placed in today's districts.
        List<String> districts = event.districts().stream()
                .map(d -> LocalAuthorityDistricts.currentDistrictOf(d).map(District::code).orElse(d)).distinct()
                .toList();
        for (String released : held.stream().filter(d -> !districts.contains(d)).toList()) {
            entityManager.createNativeQuery("delete from district_replica where partnership_id = ?1 and district_code = ?2")
                    .setParameter(1, event.partnershipId()).setParameter(2, released).executeUpdate();
        }
        for (String claimed : districts.stream().filter(d -> !held.contains(d)).toList()) {
            entityManager.createNativeQuery(
                    "insert into district_replica (district_code, partnership_id, claimed_at) values (?1, ?2, ?3)")
                    .setParameter(1, claimed).setParameter(2, event.partnershipId()).setParameter(3, changedAt)
                    .executeUpdate();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(MembershipChanged event) {
        entityManager.createNativeQuery("""
                insert into membership_replica (id, partnership_id, agency_id, member_from, member_until, version)
                values (?1, ?2, ?3, ?4, ?5, ?6)
                on conflict (id) do update set member_from = excluded.member_from,
                    member_until = excluded.member_until, version = excluded.version
                where membership_replica.version < excluded.version""")
                .setParameter(1, event.membershipId()).setParameter(2, event.partnershipId())
                .setParameter(3, event.agencyId()).setParameter(4, event.from()).setParameter(5, event.until())
                .setParameter(6, event.version())
                .executeUpdate();
    }

    public boolean exists(String partnershipId) {
        return !entityManager.createNativeQuery("select 1 from partnership_replica where id = ?1")
                .setParameter(1, partnershipId).getResultList().isEmpty();
    }

    /**
     * The partnership a district's incidents go to. Two partnerships claim one district only while
     * the release of a moved district has not arrived yet; the later claim is the current one.
     */
    public Optional<String> covering(String districtCode) {
        @SuppressWarnings("unchecked")
        List<String> found = entityManager.createNativeQuery("""
                select partnership_id from district_replica where district_code = ?1
                order by claimed_at desc, partnership_id limit 1""")
                .setParameter(1, districtCode).getResultList();
        return found.stream().findFirst();
    }

    public boolean isMember(String agencyId, String partnershipId, LocalDate on) {
        return !entityManager.createNativeQuery("""
                select 1 from membership_replica where agency_id = ?1 and partnership_id = ?2
                and member_from <= ?3 and (member_until is null or member_until >= ?3)""")
                .setParameter(1, agencyId).setParameter(2, partnershipId).setParameter(3, on)
                .getResultList().isEmpty();
    }
}
