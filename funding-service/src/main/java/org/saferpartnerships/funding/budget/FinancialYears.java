package org.saferpartnerships.funding.budget;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.saferpartnerships.platform.domain.StateConflict;

/** The state of each partnership's financial years: a year nobody has published or closed is open. */
@ApplicationScoped
public class FinancialYears {

    private final EntityManager entityManager;

    FinancialYears(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public YearStatus statusOf(String partnershipId, FinancialYear year) {
        @SuppressWarnings("unchecked")
        java.util.List<String> status = entityManager.createNativeQuery(
                "select status from financial_year where partnership_id = ?1 and financial_year = ?2", String.class)
                .setParameter(1, partnershipId).setParameter(2, year.startYear()).getResultList();
        return status.stream().map(YearStatus::valueOf).findFirst().orElse(YearStatus.OPEN);
    }

    /**
     * Locks the year's state for the rest of the transaction and refuses a change to a closed year,
     * so a change cannot slip in while the year is being closed.
     *
     * @throws StateConflict when the year is closed
     */
    public void requireOpen(String partnershipId, FinancialYear year, String what) {
        if (lock(partnershipId, year) == YearStatus.CLOSED) {
            throw new StateConflict(partnershipId + "'s financial year " + year.label() + " is closed: " + what
                    + " can no longer change");
        }
    }

    /**
     * Locks the year's state for the rest of the transaction, whatever it is, so what is read of the
     * year's money stays as read until the transaction ends.
     */
    public YearStatus lock(String partnershipId, FinancialYear year) {
        entityManager.createNativeQuery("""
                insert into financial_year (partnership_id, financial_year, status, version) values (?1, ?2, 'OPEN', 0)
                on conflict do nothing""").setParameter(1, partnershipId).setParameter(2, year.startYear())
                .executeUpdate();
        String status = (String) entityManager.createNativeQuery("""
                select status from financial_year where partnership_id = ?1 and financial_year = ?2 for update""",
                String.class).setParameter(1, partnershipId).setParameter(2, year.startYear()).getSingleResult();
        return YearStatus.valueOf(status);
    }

    public void set(String partnershipId, FinancialYear year, YearStatus status, java.time.LocalDate on) {
        entityManager.createNativeQuery("""
                update financial_year set status = ?3, version = version + 1,
                    published_on = case when ?3 = 'PUBLISHED' then ?4 else published_on end,
                    closed_on = case when ?3 = 'CLOSED' then ?4 else closed_on end
                where partnership_id = ?1 and financial_year = ?2""").setParameter(1, partnershipId)
                .setParameter(2, year.startYear()).setParameter(3, status.name()).setParameter(4, on).executeUpdate();
    }
}
