package org.saferpartnerships.funding.yearend;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.saferpartnerships.funding.budget.BudgetPosition;
import org.saferpartnerships.funding.budget.BudgetService;
import org.saferpartnerships.funding.budget.FinancialYear;
import org.saferpartnerships.funding.budget.FinancialYears;
import org.saferpartnerships.funding.budget.YearStatus;
import org.saferpartnerships.funding.carryforwards.CarryForwardService;
import org.saferpartnerships.platform.calendar.BusinessCalendar;
import org.saferpartnerships.platform.domain.StateConflict;
import org.saferpartnerships.platform.events.funding.FinancialYearChanged;
import org.saferpartnerships.platform.outbox.Outbox;

/**
 * Publishing and closing a partnership's year. Publishing lets its viewers see the position;
 * closing fixes each stream's outturn at what was spent, proposes that each stream's underspend be
 * carried forward, and freezes the year: no allocation, initiative or spend of it changes after.
 */
@ApplicationScoped
public class YearEnd {

    private final FinancialYears years;
    private final BudgetService budgets;
    private final CarryForwardService carryForwards;
    private final EntityManager entityManager;
    private final Outbox outbox;
    private final BusinessCalendar calendar;

    YearEnd(FinancialYears years, BudgetService budgets, CarryForwardService carryForwards,
            EntityManager entityManager, Outbox outbox, BusinessCalendar calendar) {
        this.years = years;
        this.budgets = budgets;
        this.carryForwards = carryForwards;
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.calendar = calendar;
    }

    @Transactional
    public BudgetPosition publish(String partnershipId, FinancialYear year) {
        years.requireOpen(partnershipId, year, "its publication");
        if (years.statusOf(partnershipId, year) == YearStatus.PUBLISHED) {
            throw new StateConflict(partnershipId + "'s " + year.label() + " is published already");
        }
        years.set(partnershipId, year, YearStatus.PUBLISHED, calendar.today());
        outbox.append(new FinancialYearChanged(FinancialYearChanged.Change.PUBLISHED, partnershipId, year.startYear(),
                YearStatus.PUBLISHED.slug(), calendar.today(), List.of()));
        return budgets.position(partnershipId, year);
    }

    @Transactional
    public BudgetPosition close(String partnershipId, FinancialYear year) {
        if (!calendar.today().isAfter(year.lastDay())) {
            throw new StateConflict(year.label() + " runs until " + year.lastDay() + ": it is closed after its end");
        }
        years.requireOpen(partnershipId, year, "its outturn");
        if (carryForwards.awaitingDecisionInto(partnershipId, year)) {
            throw new StateConflict("A carry-forward into " + year.label() + " awaits the funder's decision: decide it "
                    + "before the year is closed");
        }
        BudgetPosition position = budgets.position(partnershipId, year);
        List<FinancialYearChanged.StreamOutturn> outturns = new ArrayList<>();
        for (BudgetPosition.StreamPosition stream : position.streams()) {
            var figures = stream.figures();
            entityManager.createNativeQuery("""
                    insert into year_outturn (partnership_id, financial_year, stream_id, available, outturn)
                    values (?1, ?2, ?3, ?4, ?5)""").setParameter(1, partnershipId).setParameter(2, year.startYear())
                    .setParameter(3, stream.streamId()).setParameter(4, figures.available())
                    .setParameter(5, figures.spent()).executeUpdate();
            outturns.add(new FinancialYearChanged.StreamOutturn(stream.streamId(), figures.available(), figures.spent(),
                    figures.remaining()));
        }
        years.set(partnershipId, year, YearStatus.CLOSED, calendar.today());
        outbox.append(new FinancialYearChanged(FinancialYearChanged.Change.CLOSED, partnershipId, year.startYear(),
                YearStatus.CLOSED.slug(), calendar.today(), List.copyOf(outturns)));
        for (BudgetPosition.StreamPosition stream : position.streams()) {
            carryForwards.requestAtYearEnd(partnershipId, stream.streamId(), year, stream.figures().remaining());
        }
        return budgets.position(partnershipId, year);
    }
}
