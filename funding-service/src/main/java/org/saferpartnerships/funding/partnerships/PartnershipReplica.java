package org.saferpartnerships.funding.partnerships;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.saferpartnerships.platform.events.partnership.MeetingRecorded;
import org.saferpartnerships.platform.events.partnership.PartnershipChanged;
import org.saferpartnerships.platform.events.partnership.PriorityChanged;

/**
 * funding-service's own copy of the partnerships, their priorities and their meetings, kept from
 * partnership events, so an initiative is checked against the priority it serves without a call to
 * partnership-service. A change older than what is held (lower version) is ignored, so redelivery
 * and replays are safe.
 */
@ApplicationScoped
public class PartnershipReplica {

    /** What funding knows of a priority: whose it is and for which year. */
    public record Priority(UUID id, String partnershipId, int financialYear, String title) {
    }

    private final EntityManager entityManager;

    PartnershipReplica(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(PartnershipChanged event) {
        entityManager.createNativeQuery("""
                insert into partnership_replica (id, name, version) values (?1, ?2, ?3)
                on conflict (id) do update set name = excluded.name, version = excluded.version
                where partnership_replica.version < excluded.version""")
                .setParameter(1, event.partnershipId()).setParameter(2, event.name()).setParameter(3, event.version())
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(PriorityChanged event) {
        entityManager.createNativeQuery("""
                insert into priority_replica (id, partnership_id, financial_year, title, version)
                values (?1, ?2, ?3, ?4, ?5)
                on conflict (id) do update set financial_year = excluded.financial_year, title = excluded.title,
                    version = excluded.version
                where priority_replica.version < excluded.version""")
                .setParameter(1, event.priorityId()).setParameter(2, event.partnershipId())
                .setParameter(3, event.financialYear()).setParameter(4, event.title()).setParameter(5, event.version())
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(MeetingRecorded event) {
        entityManager.createNativeQuery("""
                insert into meeting_replica (id, partnership_id, held_on) values (?1, ?2, ?3)
                on conflict (id) do update set held_on = excluded.held_on""")
                .setParameter(1, event.meetingId()).setParameter(2, event.partnershipId())
                .setParameter(3, event.heldOn()).executeUpdate();
    }

    /** The partnership's name, if partnership-service has registered it. */
    public Optional<String> nameOf(String partnershipId) {
        return entityManager.createNativeQuery("select name from partnership_replica where id = ?1", String.class)
                .setParameter(1, partnershipId).getResultStream().map(String.class::cast).findFirst();
    }

    /** The names of those of the partnerships partnership-service has registered, in one statement. */
    public Map<String, String> namesOf(Collection<String> partnershipIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "select id, name from partnership_replica where id = any(?1)", Object[].class)
                .setParameter(1, partnershipIds.toArray(String[]::new)).getResultList();
        return rows.stream().collect(Collectors.toMap(row -> (String) row[0], row -> (String) row[1]));
    }

    public Optional<Priority> priority(UUID priorityId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "select partnership_id, financial_year, title from priority_replica where id = ?1", Object[].class)
                .setParameter(1, priorityId).getResultList();
        return rows.stream()
                .map(row -> new Priority(priorityId, (String) row[0], ((Number) row[1]).intValue(), (String) row[2]))
                .findFirst();
    }

    /** The day a meeting of the partnership was held, if it is one of the partnership's. */
    public Optional<LocalDate> meetingHeld(String partnershipId, UUID meetingId) {
        return entityManager.createNativeQuery(
                "select held_on from meeting_replica where id = ?1 and partnership_id = ?2", LocalDate.class)
                .setParameter(1, meetingId).setParameter(2, partnershipId).getResultStream()
                .map(LocalDate.class::cast).findFirst();
    }
}
