package org.saferpartnerships.funding.initiatives;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.saferpartnerships.funding.budget.BudgetService;
import org.saferpartnerships.funding.budget.FinancialYear;
import org.saferpartnerships.funding.budget.FinancialYears;
import org.saferpartnerships.funding.funders.FunderService;
import org.saferpartnerships.funding.funders.FundingStream;
import org.saferpartnerships.funding.partnerships.PartnershipReplica;
import org.saferpartnerships.platform.api.EntityTags;
import org.saferpartnerships.platform.calendar.BusinessCalendar;
import org.saferpartnerships.platform.domain.NoSuchRecord;
import org.saferpartnerships.platform.domain.RuleViolated;
import org.saferpartnerships.platform.domain.StateConflict;
import org.saferpartnerships.platform.events.funding.InitiativeChanged;
import org.saferpartnerships.platform.events.funding.SpendRecorded;
import org.saferpartnerships.platform.outbox.Outbox;

/**
 * Initiatives and the spend against them. An initiative commits money of a stream that funds the
 * partnership in its year (an allocation, or money carried in), serves one of its partnership's
 * priorities of that year and may name the partnership's meeting that approved it (both checked
 * against the replica of partnership-service's records); it moves proposed → approved → completed or cancelled. Spend is
 * dated within the initiative's year, only on approved or completed initiatives, and corrected by
 * reversal. Nothing changes in a closed year. Callers have checked that the caller manages the
 * partnership.
 */
@ApplicationScoped
public class InitiativeService {

    private final Outbox outbox;
    private final FinancialYears years;
    private final BudgetService budgets;
    private final FunderService funders;
    private final PartnershipReplica partnerships;
    private final BusinessCalendar calendar;

    InitiativeService(Outbox outbox, FinancialYears years, BudgetService budgets, FunderService funders,
            PartnershipReplica partnerships, BusinessCalendar calendar) {
        this.outbox = outbox;
        this.years = years;
        this.budgets = budgets;
        this.funders = funders;
        this.partnerships = partnerships;
        this.calendar = calendar;
    }

    public Initiative find(String partnershipId, UUID initiativeId) {
        Initiative initiative = Initiative.findById(initiativeId);
        if (initiative == null || !initiative.partnershipId.equals(partnershipId)) {
            throw new NoSuchRecord("No initiative " + initiativeId + " of partnership " + partnershipId);
        }
        return initiative;
    }

    /**
     * Reads the initiative again as committed now and locks it until the transaction ends (after the
     * year, in the order every change takes them): a change that committed meanwhile (cancelled,
     * moved to another stream) is seen, and none can slip in after.
     */
    private static void lock(Initiative initiative) {
        Initiative.getEntityManager().refresh(initiative, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }

    public List<Initiative> of(String partnershipId, Integer year) {
        return year == null
                ? Initiative.<Initiative>list("partnershipId = ?1 order by financialYear, title", partnershipId)
                : Initiative.<Initiative>list("partnershipId = ?1 and financialYear = ?2 order by title", partnershipId,
                        year);
    }

    /** What has been spent on each initiative, reversals netted. */
    public Map<UUID, BigDecimal> spentOn(List<Initiative> initiatives) {
        if (initiatives.isEmpty()) {
            return Map.of();
        }
        Map<UUID, BigDecimal> spent = SpendLine.<SpendLine>list("initiativeId in ?1",
                initiatives.stream().map(i -> i.id).toList()).stream()
                .collect(Collectors.groupingBy(line -> line.initiativeId,
                        Collectors.reducing(BigDecimal.ZERO, line -> line.amount, BigDecimal::add)));
        return initiatives.stream().collect(Collectors.toMap(i -> i.id,
                i -> spent.getOrDefault(i.id, BigDecimal.ZERO).setScale(2)));
    }

    @Transactional
    public Initiative record(String partnershipId, InitiativeInput input) {
        FinancialYear year = new FinancialYear(input.financialYear());
        years.requireOpen(partnershipId, year, "its initiatives");
        Initiative initiative = new Initiative();
        initiative.id = UUID.randomUUID();
        initiative.partnershipId = partnershipId;
        initiative.financialYear = year.startYear();
        apply(initiative, input);
        initiative.persistAndFlush();
        outbox.append(initiative.changed(switch (initiative.status) {
            case PROPOSED -> InitiativeChanged.Change.PROPOSED;
            case APPROVED -> InitiativeChanged.Change.APPROVED;
            default -> InitiativeChanged.Change.CHANGED;
        }));
        return initiative;
    }

    @Transactional
    public Initiative revise(String partnershipId, UUID initiativeId, String ifMatch, InitiativeInput input) {
        Initiative initiative = find(partnershipId, initiativeId);
        EntityTags.requireMatch(ifMatch, initiative.version);
        if (initiative.financialYear != input.financialYear()) {
            throw new StateConflict("An initiative stays in the year it was recorded in (" + initiative.financialYear
                    + "); record one in the other year instead");
        }
        years.requireOpen(partnershipId, new FinancialYear(initiative.financialYear), "its initiatives");
        if (input.status() != initiative.status && !initiative.status.next().contains(input.status())) {
            throw new StateConflict("An initiative that is " + initiative.status.slug() + " cannot become "
                    + input.status().slug());
        }
        if (!input.streamId().equals(initiative.streamId) && SpendLine.count("initiativeId", initiative.id) > 0) {
            throw new StateConflict("Money has been spent on this initiative from its stream; its stream stays");
        }
        boolean approvedNow = input.status() == InitiativeStatus.APPROVED && initiative.status != InitiativeStatus.APPROVED;
        long before = initiative.version;
        apply(initiative, input);
        Initiative.getEntityManager().flush();
        // The version moves only when a field changed: a PUT of the initiative as it stands is no change.
        if (initiative.version != before) {
            outbox.append(initiative.changed(approvedNow ? InitiativeChanged.Change.APPROVED
                    : InitiativeChanged.Change.CHANGED));
        }
        return initiative;
    }

    public List<SpendLine> lines(Initiative initiative) {
        return SpendLine.<SpendLine>list("initiativeId = ?1 order by spentOn, recordedAt", initiative.id);
    }

    @Transactional
    public SpendLine spend(String partnershipId, UUID initiativeId, SpendInput input, String recordedBy) {
        Initiative initiative = find(partnershipId, initiativeId);
        FinancialYear year = new FinancialYear(initiative.financialYear);
        years.requireOpen(partnershipId, year, "its spend");
        lock(initiative);
        if (!initiative.status.takesSpend()) {
            throw new StateConflict("Money is spent only on approved or completed initiatives; this one is "
                    + initiative.status.slug());
        }
        if (!year.contains(input.spentOn())) {
            throw new RuleViolated("spentOn: not in the initiative's financial year " + year.label());
        }
        BigDecimal amount = input.amount().setScale(2);
        budgets.requireNotCarriedOut(partnershipId, initiative.streamId, year, amount, "A spend");
        budgets.requireHoldable(partnershipId, initiative.streamId, year, BigDecimal.ZERO, amount, "amount");
        SpendLine line = line(initiative, input.spentOn(), amount, input.description().strip(), null, recordedBy);
        outbox.append(new SpendRecorded(SpendRecorded.Change.RECORDED, line.id, initiative.id, partnershipId,
                initiative.streamId, initiative.financialYear, line.spentOn, line.amount, line.description, null));
        return line;
    }

    @Transactional
    public SpendLine reverse(String partnershipId, UUID initiativeId, UUID lineId, ReversalInput input,
            String recordedBy) {
        Initiative initiative = find(partnershipId, initiativeId);
        SpendLine reversed = SpendLine.findById(lineId);
        if (reversed == null || !reversed.initiativeId.equals(initiativeId)) {
            throw new NoSuchRecord("No spend line " + lineId + " of initiative " + initiativeId);
        }
        FinancialYear year = new FinancialYear(initiative.financialYear);
        years.requireOpen(partnershipId, year, "its spend");
        lock(initiative);
        if (reversed.reversesId != null) {
            throw new RuleViolated("A reversal is not reversed: record the spend again instead");
        }
        if (SpendLine.count("reversesId", lineId) > 0) {
            throw new StateConflict("Spend line " + lineId + " was reversed already");
        }
        LocalDate today = calendar.today();
        LocalDate on = input.reversedOn() != null ? input.reversedOn()
                : year.contains(today) ? today : year.lastDay();
        if (!year.contains(on)) {
            throw new RuleViolated("reversedOn: not in the initiative's financial year " + year.label());
        }
        SpendLine line = line(initiative, on, reversed.amount.negate(), "Reversal: " + input.reason().strip(), lineId,
                recordedBy);
        outbox.append(new SpendRecorded(SpendRecorded.Change.REVERSED, line.id, initiative.id, partnershipId,
                initiative.streamId, initiative.financialYear, line.spentOn, line.amount, line.description, lineId));
        return line;
    }

    /** The line that reverses each of these, where one does. */
    public Map<UUID, UUID> reversals(List<SpendLine> lines) {
        return lines.stream().filter(line -> line.reversesId != null)
                .collect(Collectors.toMap(line -> line.reversesId, line -> line.id));
    }

    private static SpendLine line(Initiative initiative, LocalDate on, BigDecimal amount, String description,
            UUID reverses, String recordedBy) {
        SpendLine line = new SpendLine();
        line.id = UUID.randomUUID();
        line.initiativeId = initiative.id;
        line.spentOn = on;
        line.amount = amount;
        line.description = description;
        line.reversesId = reverses;
        line.recordedAt = Instant.now();
        line.recordedBy = recordedBy;
        line.persistAndFlush();
        return line;
    }

    private void apply(Initiative initiative, InitiativeInput input) {
        FundingStream stream = funders.stream(input.streamId());
        FinancialYear year = new FinancialYear(initiative.financialYear);
        if (!budgets.funds(initiative.partnershipId, stream.id, year)) {
            throw new StateConflict("streamId: " + stream.name + " gives " + initiative.partnershipId + " no money in "
                    + year.label() + " (no allocation, nothing carried in), so nothing can be committed from it");
        }
        if (input.priorityId() != null) {
            Optional<PartnershipReplica.Priority> priority = partnerships.priority(input.priorityId());
            if (priority.isEmpty() || !priority.get().partnershipId().equals(initiative.partnershipId)) {
                throw new RuleViolated("priorityId: not a priority of " + initiative.partnershipId);
            }
            // A priority is set for one year's plan: money of another year does not serve it.
            if (priority.get().financialYear() != initiative.financialYear) {
                throw new RuleViolated("priorityId: a priority of " + initiative.partnershipId + "'s "
                        + new FinancialYear(priority.get().financialYear()).label() + " plan, not of the initiative's "
                        + year.label());
            }
        }
        LocalDate approvedOn = input.approvedOn();
        if (input.approvedAtMeetingId() != null) {
            Optional<LocalDate> held = partnerships.meetingHeld(initiative.partnershipId, input.approvedAtMeetingId());
            if (held.isEmpty()) {
                throw new RuleViolated("approvedAtMeetingId: not a meeting of " + initiative.partnershipId);
            }
            approvedOn = approvedOn != null ? approvedOn : held.get();
        }
        if (input.status() != InitiativeStatus.PROPOSED && input.status() != InitiativeStatus.CANCELLED
                && approvedOn == null) {
            throw new RuleViolated("approvedOn: an approved initiative says when it was approved");
        }
        initiative.streamId = input.streamId();
        initiative.title = input.title().strip();
        initiative.description = input.description();
        initiative.priorityId = input.priorityId();
        initiative.amount = input.amount() == null ? null : input.amount().setScale(2);
        initiative.amountIllustrative = Boolean.TRUE.equals(input.amountIllustrative());
        initiative.approvedOn = approvedOn;
        initiative.approvedAtMeetingId = input.approvedAtMeetingId();
        initiative.status = input.status();
    }
}
