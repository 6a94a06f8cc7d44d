package org.saferpartnerships.partnership.partnerships;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.saferpartnerships.platform.api.EntityTags;
import org.saferpartnerships.platform.domain.RuleViolated;
import org.saferpartnerships.platform.domain.StateConflict;
import org.saferpartnerships.platform.events.partnership.PartnershipChanged;
import org.saferpartnerships.platform.geography.District;
import org.saferpartnerships.platform.geography.LocalAuthorityDistricts;
import org.saferpartnerships.platform.outbox.Outbox;

@ApplicationScoped
public class PartnershipService {

    /** Advisory-lock namespace of district claims (two-key locks never meet the outbox's one-key ones). */
    private static final int DISTRICT_CLAIMS = 1;

    private final Outbox outbox;

    PartnershipService(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public Partnership register(String id, PartnershipInput input) {
        if (Partnership.findByIdOptional(id).isPresent()) {
            throw new StateConflict("A partnership " + id + " is already registered");
        }
        Partnership partnership = new Partnership();
        partnership.id = id;
        apply(partnership, input);
        partnership.persistAndFlush();
        checkDistrictsHeldOnce();
        outbox.append(partnership.changed(PartnershipChanged.Change.REGISTERED));
        return partnership;
    }

    /** The caller has checked that it may manage the partnership. */
    @Transactional
    public Partnership update(String id, String ifMatch, PartnershipInput input) {
        Partnership current = Partnership.findById(id);
        EntityTags.requireMatch(ifMatch, current.version);
        apply(current, input);
        Partnership.getEntityManager().flush();
        checkDistrictsHeldOnce();
        outbox.append(current.changed(PartnershipChanged.Change.UPDATED));
        return current;
    }

    public Optional<Partnership> coveringDistrict(String districtCode) {
        return Partnership.find("select p from Partnership p join p.districts d where d = ?1", districtCode)
                .firstResultOptional();
    }

    /**
     * The database's own guard, for a writer that did not take the district locks: its uniqueness
     * check is deferred (rewriting a district list reorders its rows) and would fail only at commit,
     * as a 500. Checking it now waits for the other claim and fails here, as a constraint
     * violation: a 409.
     */
    private static void checkDistrictsHeldOnce() {
        Partnership.getEntityManager().createNativeQuery("set constraints partnership_district_once immediate")
                .executeUpdate();
    }

    /**
     * A district's area belongs to one partnership at a time: incidents there are reported to it. A
     * partnership registered before a reorganisation holds its area under the old code, so Cumberland
     * is taken while another partnership holds Allerdale. Claims on an area take turns (a lock per
     * district standing now, taken in code order so that two claims cannot wait on each other), so the
     * check below sees any earlier claim committed.
     */
    private static void apply(Partnership partnership, PartnershipInput input) {
        List<String> districts = input.districts().stream().distinct().toList();
        requireStanding(partnership, districts);
        for (String area : districts.stream().map(PartnershipService::areaOf).distinct().sorted().toList()) {
            Partnership.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(?1, hashtext(?2))")
                    .setParameter(1, DISTRICT_CLAIMS).setParameter(2, area).getSingleResult();
        }
        for (String district : districts) {
            List<String> sameArea = LocalAuthorityDistricts.heldNowBy(district).stream().map(District::code).toList();
            List<Object[]> holders = Partnership.getEntityManager().createQuery(
                    "select p.id, d from Partnership p join p.districts d where d in ?1 and p.id <> ?2", Object[].class)
                    .setParameter(1, sameArea.isEmpty() ? List.of(district) : sameArea)
                    .setParameter(2, partnership.id).setMaxResults(1).getResultList();
            if (!holders.isEmpty()) {
                String holderId = (String) holders.get(0)[0];
                String held = (String) holders.get(0)[1];
                throw new StateConflict("District " + district + " is already covered by partnership " + holderId
                        + (held.equals(district) ? "" : ", which holds its area as " + held + " ("
                                + LocalAuthorityDistricts.nameOf(held).orElse(held) + ")"));
            }
        }
        partnership.name = input.name().strip();
        partnership.districts.clear();
        partnership.districts.addAll(districts);
        partnership.pccArea = input.pccArea();
        partnership.countyBoard = input.countyBoard();
        partnership.website = input.website();
    }

    /** The district standing now that holds the district's area; an unknown code is its own. */
    private static String areaOf(String district) {
        return LocalAuthorityDistricts.currentDistrictOf(district).map(District::code).orElse(district);
    }

    /**
     * A partnership takes on only districts that stand now: an abolished district's incidents go to
     * the partnership of the district that holds its area today. One it already covers may stay, so a
     * partnership registered before its council was reorganised can still be changed; replacing the
     * district with its successor is for the partnership to do.
     */
    private static void requireStanding(Partnership partnership, List<String> districts) {
        for (String code : districts) {
            if (!partnership.districts.contains(code) && !LocalAuthorityDistricts.isCurrent(code)) {
                District abolished = LocalAuthorityDistricts.district(code).orElseThrow();
                District now = LocalAuthorityDistricts.currentDistrictOf(code).orElseThrow();
                throw new RuleViolated("District " + code + " (" + abolished.name() + ") was abolished on "
                        + abolished.validTo() + "; its area is in " + now.code() + " (" + now.name()
                        + ") now, which a partnership may cover instead");
            }
        }
    }
}
