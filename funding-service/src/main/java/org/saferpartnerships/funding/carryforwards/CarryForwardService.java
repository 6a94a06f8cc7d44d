package org.saferpartnerships.funding.carryforwards;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.saferpartnerships.funding.budget.BudgetService;
import org.saferpartnerships.funding.budget.FinancialYear;
import org.saferpartnerships.funding.budget.FinancialYears;
import org.saferpartnerships.platform.api.EntityTags;
import org.saferpartnerships.platform.calendar.BusinessCalendar;
import org.saferpartnerships.platform.domain.NoSuchRecord;
import org.saferpartnerships.platform.domain.RuleViolated;
import org.saferpartnerships.platform.domain.StateConflict;
import org.saferpartnerships.platform.events.funding.CarryForwardChanged;
import org.saferpartnerships.platform.funding.BudgetLine;
import org.saferpartnerships.platform.outbox.Outbox;

/**
 * Requests to roll an underspend into the next year, and the funder's decisions on them. A request
 * asks, and an approval gives, at most what is left of the stream's money in its year (available
 * less spent, less what other approvals already carried out), so no pound counts in two years; the
 * approval lands in a year that is not yet closed. The year the money comes from is locked first,
 * then the next, as every other change locks them, so what was read of it stays true.
 */
@ApplicationScoped
public class CarryForwardService {

    private final Outbox outbox;
    private final BudgetService budgets;
    private final FinancialYears years;
    private final BusinessCalendar calendar;

    CarryForwardService(Outbox outbox, BudgetService budgets, FinancialYears years, BusinessCalendar calendar) {
        this.outbox = outbox;
        this.budgets = budgets;
        this.years = years;
        this.calendar = calendar;
    }

    public CarryForward find(String partnershipId, UUID carryForwardId) {
        CarryForward carryForward = CarryForward.findById(carryForwardId);
        if (carryForward == null || !carryForward.partnershipId.equals(partnershipId)) {
            throw new NoSuchRecord("No carry-forward " + carryForwardId + " of partnership " + partnershipId);
        }
        return carryForward;
    }

    public List<CarryForward> of(String partnershipId) {
        return CarryForward.<CarryForward>list("partnershipId = ?1 order by fromYear, id", partnershipId);
    }

    @Transactional
    public CarryForward request(String partnershipId, CarryForwardRequest input) {
        FinancialYear from = new FinancialYear(input.fromYear());
        years.lock(partnershipId, from);
        years.requireOpen(partnershipId, from.next(), "what is carried into it");
        if (CarryForward.count("partnershipId = ?1 and streamId = ?2 and fromYear = ?3 and status <> ?4", partnershipId,
                input.streamId(), from.startYear(), CarryForwardStatus.DECLINED) > 0) {
            throw new StateConflict(partnershipId + " has asked to carry this stream's " + from.label()
                    + " underspend forward already");
        }
        BigDecimal left = leftOf(partnershipId, input.streamId(), from);
        if (input.requested().compareTo(left) > 0) {
            throw new RuleViolated("requested: more than the " + left + " left of the stream's money in "
                    + from.label());
        }
        budgets.requireHoldable(partnershipId, input.streamId(), from.next(), input.requested(), BigDecimal.ZERO,
                "requested");
        CarryForward carryForward = new CarryForward();
        carryForward.id = UUID.randomUUID();
        carryForward.partnershipId = partnershipId;
        carryForward.streamId = input.streamId();
        carryForward.fromYear = from.startYear();
        carryForward.requested = input.requested().setScale(2);
        carryForward.reason = input.reason().strip();
        carryForward.status = CarryForwardStatus.REQUESTED;
        carryForward.persistAndFlush();
        outbox.append(carryForward.changed(CarryForwardChanged.Change.REQUESTED));
        return carryForward;
    }

    @Transactional
    public CarryForward decide(String partnershipId, UUID carryForwardId, String ifMatch, CarryForwardDecision decision) {
        CarryForward carryForward = find(partnershipId, carryForwardId);
        if (ifMatch != null) {
            EntityTags.requireMatch(ifMatch, carryForward.version);
        }
        if (carryForward.status != CarryForwardStatus.REQUESTED) {
            throw new StateConflict("This carry-forward was " + carryForward.status.slug() + " already");
        }
        if (decision.decision() == CarryForwardStatus.REQUESTED) {
            throw new RuleViolated("decision: approved or declined");
        }
        FinancialYear from = new FinancialYear(carryForward.fromYear);
        years.lock(partnershipId, from);
        years.requireOpen(partnershipId, from.next(), "what is carried into it");
        if (decision.decision() == CarryForwardStatus.APPROVED) {
            BigDecimal left = leftOf(partnershipId, carryForward.streamId, from);
            if (decision.approved().compareTo(left) > 0) {
                throw new RuleViolated("approved: more than the " + left + " left of the stream's money in "
                        + from.label());
            }
            budgets.requireHoldable(partnershipId, carryForward.streamId, from.next(), decision.approved(),
                    BigDecimal.ZERO, "approved");
            carryForward.approved = decision.approved().setScale(2);
        }
        carryForward.status = decision.decision();
        carryForward.decidedOn = decision.decidedOn() != null ? decision.decidedOn() : calendar.today();
        carryForward.decisionNote = decision.note();
        CarryForward.getEntityManager().flush();
        outbox.append(carryForward.changed(CarryForwardChanged.Change.DECIDED));
        return carryForward;
    }

    /**
     * A year-end's request for a stream's underspend, unless one was made already, or the next year
     * cannot take it (closed already, or past the last year the service keeps).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public java.util.Optional<CarryForward> requestAtYearEnd(String partnershipId, UUID streamId, FinancialYear from,
            BigDecimal underspend) {
        if (underspend.signum() <= 0 || from.startYear() >= FinancialYear.LATEST
                || years.statusOf(partnershipId, from.next()) == org.saferpartnerships.funding.budget.YearStatus.CLOSED
                || CarryForward.count("partnershipId = ?1 and streamId = ?2 and fromYear = ?3 and status <> ?4",
                        partnershipId, streamId, from.startYear(), CarryForwardStatus.DECLINED) > 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(request(partnershipId, new CarryForwardRequest(streamId, from.startYear(),
                underspend, "Underspend at the close of " + from.label())));
    }

    /** Whether a request to carry money into the year still awaits the funder. */
    public boolean awaitingDecisionInto(String partnershipId, FinancialYear year) {
        return CarryForward.count("partnershipId = ?1 and fromYear = ?2 and status = ?3", partnershipId,
                year.startYear() - 1, CarryForwardStatus.REQUESTED) > 0;
    }

    /** What is left of the stream's money in the year: not spent, and not yet carried out. */
    private BigDecimal leftOf(String partnershipId, UUID streamId, FinancialYear from) {
        return budgets.of(partnershipId, streamId, from).map(figures -> figures.remaining().subtract(figures.carriedOut()))
                .orElse(BudgetLine.pounds(BigDecimal.ZERO)).max(BigDecimal.ZERO.setScale(2));
    }
}
