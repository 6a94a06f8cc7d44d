package org.saferpartnerships.funding.budget;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.saferpartnerships.platform.domain.RuleViolated;
import org.saferpartnerships.platform.domain.StateConflict;
import org.saferpartnerships.platform.funding.BudgetLine;

/**
 * A partnership's budget position for a year, from the records as they stand: allocations and
 * their top-slices, approved carry-forwards from the year before and into the next, initiatives and their spend; a
 * closed year's forecast is the outturn it fixed.
 */
@ApplicationScoped
public class BudgetService {

    private final EntityManager entityManager;
    private final FinancialYears years;

    BudgetService(EntityManager entityManager, FinancialYears years) {
        this.entityManager = entityManager;
        this.years = years;
    }

    /** The most numeric(14,2) holds: a year's outturn and available are kept in it, here and in reporting. */
    private static final BigDecimal MOST = new BigDecimal("999999999999.99");

    /** Sums per stream, before the arithmetic of {@link BudgetLine}. */
    private static final class Sums {
        BigDecimal gross = BigDecimal.ZERO;
        BigDecimal topSliced = BigDecimal.ZERO;
        BigDecimal carriedIn = BigDecimal.ZERO;
        BigDecimal carriedOut = BigDecimal.ZERO;
        BigDecimal committed = BigDecimal.ZERO;
        BigDecimal spent = BigDecimal.ZERO;
        BigDecimal forecast = BigDecimal.ZERO;
        BigDecimal outturn;
    }

    public BudgetPosition position(String partnershipId, FinancialYear year) {
        Map<UUID, Sums> streams = new LinkedHashMap<>();
        for (Object[] row : rows("""
                select a.stream_id, sum(a.gross), coalesce(sum(t.amount), 0)
                from allocation a left join (select allocation_id, sum(amount) amount from top_slice group by 1) t
                    on t.allocation_id = a.id
                where a.partnership_id = ?1 and a.financial_year = ?2 group by a.stream_id""", partnershipId, year)) {
            Sums sums = streams.computeIfAbsent((UUID) row[0], s -> new Sums());
            sums.gross = (BigDecimal) row[1];
            sums.topSliced = (BigDecimal) row[2];
        }
        for (Object[] row : rows("""
                select stream_id, sum(approved) from carry_forward
                where partnership_id = ?1 and from_year = ?2 - 1 and status = 'APPROVED' group by stream_id""",
                partnershipId, year)) {
            streams.computeIfAbsent((UUID) row[0], s -> new Sums()).carriedIn = (BigDecimal) row[1];
        }
        for (Object[] row : rows("""
                select stream_id, sum(approved) from carry_forward
                where partnership_id = ?1 and from_year = ?2 and status = 'APPROVED' group by stream_id""",
                partnershipId, year)) {
            streams.computeIfAbsent((UUID) row[0], s -> new Sums()).carriedOut = (BigDecimal) row[1];
        }
        for (Object[] row : rows("""
                select i.stream_id, i.status, i.amount, coalesce(sum(s.amount), 0)
                from initiative i left join spend_line s on s.initiative_id = i.id
                where i.partnership_id = ?1 and i.financial_year = ?2 group by i.id""", partnershipId, year)) {
            Sums sums = streams.computeIfAbsent((UUID) row[0], s -> new Sums());
            String status = ((String) row[1]).toLowerCase(java.util.Locale.ROOT);
            BigDecimal amount = (BigDecimal) row[2];
            BigDecimal spent = (BigDecimal) row[3];
            if (amount != null && (status.equals("approved") || status.equals("completed"))) {
                sums.committed = sums.committed.add(amount);
            }
            sums.spent = sums.spent.add(spent);
            sums.forecast = sums.forecast.add(BudgetLine.forecastOf(status, amount, spent));
        }
        for (Object[] row : rows("""
                select stream_id, outturn from year_outturn where partnership_id = ?1 and financial_year = ?2""",
                partnershipId, year)) {
            streams.computeIfAbsent((UUID) row[0], s -> new Sums()).outturn = (BigDecimal) row[1];
        }
        Map<UUID, Object[]> described = describe(streams.keySet());
        BudgetLine total = BudgetLine.NONE;
        List<BudgetPosition.StreamPosition> positions = new java.util.ArrayList<>();
        for (Map.Entry<UUID, Sums> stream : streams.entrySet()) {
            Sums s = stream.getValue();
            BudgetLine line = BudgetLine.of(s.gross, s.topSliced, s.carriedIn, s.carriedOut, s.committed, s.spent,
                    s.forecast);
            if (s.outturn != null) {
                line = line.withForecast(s.outturn);
            }
            Object[] about = described.get(stream.getKey());
            positions.add(new BudgetPosition.StreamPosition(stream.getKey(), (String) about[0], (String) about[1], line));
            total = total.plus(line);
        }
        positions.sort(java.util.Comparator.comparing(BudgetPosition.StreamPosition::funderId)
                .thenComparing(BudgetPosition.StreamPosition::name));
        return new BudgetPosition(partnershipId, year.startYear(), year.label(), years.statusOf(partnershipId, year),
                List.copyOf(positions), total);
    }

    /** Whether the stream gives the partnership money in the year: an allocation, or money carried in. */
    public boolean funds(String partnershipId, UUID streamId, FinancialYear year) {
        return (Boolean) entityManager.createNativeQuery("""
                select exists (select 1 from allocation
                               where partnership_id = ?1 and stream_id = ?2 and financial_year = ?3)
                    or exists (select 1 from carry_forward
                               where partnership_id = ?1 and stream_id = ?2 and from_year = ?3 - 1
                                   and status = 'APPROVED')""", Boolean.class).setParameter(1, partnershipId)
                .setParameter(2, streamId).setParameter(3, year.startYear()).getSingleResult();
    }

    /** The funders whose streams fund the partnership in the year (an allocation, or money carried in). */
    public Set<String> fundersOf(String partnershipId, FinancialYear year) {
        @SuppressWarnings("unchecked")
        List<String> funders = entityManager.createNativeQuery("""
                select distinct s.funder_id from funding_stream s
                where exists (select 1 from allocation a
                              where a.stream_id = s.id and a.partnership_id = ?1 and a.financial_year = ?2)
                   or exists (select 1 from carry_forward c
                              where c.stream_id = s.id and c.partnership_id = ?1 and c.from_year = ?2 - 1
                                  and c.status = 'APPROVED')""", String.class).setParameter(1, partnershipId)
                .setParameter(2, year.startYear()).getResultList();
        return Set.copyOf(funders);
    }

    /** The stream's figures in the year, if it has any there. */
    public Optional<BudgetLine> of(String partnershipId, UUID streamId, FinancialYear year) {
        return position(partnershipId, year).streams().stream().filter(s -> s.streamId().equals(streamId))
                .map(BudgetPosition.StreamPosition::figures).findFirst();
    }

    /**
     * Refuses a change that would bring a stream's available or spent money in the year past what a
     * figure holds (each input is bounded, but sums of them are not): the year's outturn could not
     * be kept when it closes, nor its events read into reporting's projection. Callers hold the
     * year's lock.
     *
     * @param field the input named in the refusal
     * @throws RuleViolated when either figure would be more than 999,999,999,999.99
     */
    public void requireHoldable(String partnershipId, UUID streamId, FinancialYear year, BigDecimal moreAvailable,
            BigDecimal moreSpent, String field) {
        BudgetLine figures = of(partnershipId, streamId, year).orElse(BudgetLine.NONE);
        BigDecimal available = figures.available().add(moreAvailable);
        BigDecimal spent = figures.spent().add(moreSpent);
        if (available.compareTo(MOST) > 0 || spent.compareTo(MOST) > 0) {
            String figure = spent.compareTo(MOST) > 0 ? "spend" : "money";
            throw new RuleViolated(field + ": would bring the stream's " + figure + " in " + year.label() + " to "
                    + available.max(spent) + ", more than the " + MOST + " a figure can hold");
        }
    }

    /**
     * Refuses to take more of a stream's money in a year (spend it, or withhold it) than is left
     * beside what was carried out of the year: those pounds count in the next year, so spending them
     * here too would count them twice. A year nothing was carried out of may still be overspent, as
     * its position flags. Callers hold the year's lock, which a carry-forward's decision takes too.
     *
     * @throws StateConflict when the money taken would reach into what was carried out
     */
    public void requireNotCarriedOut(String partnershipId, UUID streamId, FinancialYear year, BigDecimal taken,
            String what) {
        Optional<BudgetLine> figures = taken.signum() > 0 ? of(partnershipId, streamId, year) : Optional.empty();
        if (figures.isEmpty() || figures.get().carriedOut().signum() == 0) {
            return;
        }
        BigDecimal left = figures.get().remaining().subtract(figures.get().carriedOut());
        if (taken.compareTo(left) > 0) {
            throw new StateConflict(what + " of " + taken + " is more than the " + left.max(BigDecimal.ZERO.setScale(2))
                    + " left of the stream's money in " + year.label() + ": the funder approved "
                    + figures.get().carriedOut() + " of it to be carried into " + year.next().label()
                    + ", where it counts, so it cannot be spent or withheld in " + year.label() + " as well");
        }
    }

    private Map<UUID, Object[]> describe(Set<UUID> streamIds) {
        Map<UUID, Object[]> described = new LinkedHashMap<>();
        if (streamIds.isEmpty()) {
            return described;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "select id, funder_id, name from funding_stream where id in (?1)", Object[].class)
                .setParameter(1, streamIds).getResultList();
        for (Object[] row : rows) {
            described.put((UUID) row[0], new Object[] { row[1], row[2] });
        }
        return described;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, String partnershipId, FinancialYear year) {
        return entityManager.createNativeQuery(sql, Object[].class).setParameter(1, partnershipId)
                .setParameter(2, year.startYear()).getResultList();
    }
}
