package org.saferpartnerships.funding.allocations;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.saferpartnerships.funding.budget.BudgetService;
import org.saferpartnerships.funding.budget.FinancialYear;
import org.saferpartnerships.funding.budget.FinancialYears;
import org.saferpartnerships.funding.funders.FundingStream;
import org.saferpartnerships.platform.api.EntityTags;
import org.saferpartnerships.platform.calendar.BusinessCalendar;
import org.saferpartnerships.platform.domain.NoSuchRecord;
import org.saferpartnerships.platform.domain.RuleViolated;
import org.saferpartnerships.platform.domain.StateConflict;
import org.saferpartnerships.platform.events.funding.AllocationMade;
import org.saferpartnerships.platform.events.funding.TopSliceApplied;
import org.saferpartnerships.platform.outbox.Outbox;

/**
 * Allocations and their top-slices: one allocation per partnership, stream and year, whose
 * top-slices never exceed its gross; each change in one transaction with its event, none to a
 * closed year. Callers have checked that the caller decides the stream's funder's money.
 */
@ApplicationScoped
public class AllocationService {

    private final Outbox outbox;
    private final FinancialYears years;
    private final BudgetService budgets;
    private final BusinessCalendar calendar;

    AllocationService(Outbox outbox, FinancialYears years, BudgetService budgets, BusinessCalendar calendar) {
        this.outbox = outbox;
        this.years = years;
        this.budgets = budgets;
        this.calendar = calendar;
    }

    public Allocation find(String partnershipId, UUID allocationId) {
        Allocation allocation = Allocation.findById(allocationId);
        if (allocation == null || !allocation.partnershipId.equals(partnershipId)) {
            throw new NoSuchRecord("No allocation " + allocationId + " of partnership " + partnershipId);
        }
        return allocation;
    }

    /** The partnership's allocations, oldest year first, of one year and one stream when given. */
    public List<Allocation> of(String partnershipId, Integer year, UUID streamId) {
        StringBuilder query = new StringBuilder("partnershipId = ?1");
        List<Object> values = new ArrayList<>(List.of(partnershipId));
        if (year != null) {
            values.add(year);
            query.append(" and financialYear = ?").append(values.size());
        }
        if (streamId != null) {
            values.add(streamId);
            query.append(" and streamId = ?").append(values.size());
        }
        return Allocation.<Allocation>list(query + " order by financialYear, reference", values.toArray());
    }

    @Transactional
    public Allocation allocate(String partnershipId, FundingStream stream, AllocationInput input) {
        FinancialYear year = new FinancialYear(input.financialYear());
        years.requireOpen(partnershipId, year, "its allocations");
        if (Allocation.count("partnershipId = ?1 and streamId = ?2 and financialYear = ?3", partnershipId, stream.id,
                year.startYear()) > 0) {
            throw new StateConflict(partnershipId + " has an allocation of this stream for " + year.label()
                    + " already: revise it instead");
        }
        Allocation allocation = new Allocation();
        allocation.id = UUID.randomUUID();
        allocation.partnershipId = partnershipId;
        allocation.streamId = stream.id;
        allocation.financialYear = year.startYear();
        budgets.requireHoldable(partnershipId, stream.id, year, input.gross(), BigDecimal.ZERO, "gross");
        allocation.reference = input.reference();
        apply(allocation, input);
        allocation.persistAndFlush();
        outbox.append(allocation.made(AllocationMade.Change.MADE, stream.funderId));
        return allocation;
    }

    @Transactional
    public Allocation revise(String partnershipId, UUID allocationId, String ifMatch, FundingStream stream,
            AllocationInput input) {
        Allocation allocation = find(partnershipId, allocationId);
        EntityTags.requireMatch(ifMatch, allocation.version);
        if (!allocation.streamId.equals(input.streamId()) || allocation.financialYear != input.financialYear()) {
            throw new StateConflict("An allocation's stream and year stay as made; make another allocation instead");
        }
        if (!allocation.reference.equals(input.reference())) {
            throw new StateConflict("An allocation's reference stays " + allocation.reference + ": its 360Giving "
                    + "identifier ends with it, and must not change once published");
        }
        FinancialYear year = new FinancialYear(allocation.financialYear);
        years.requireOpen(partnershipId, year, "its allocations");
        if (input.gross().compareTo(allocation.topSliced()) < 0) {
            throw new RuleViolated("gross: less than the " + allocation.topSliced() + " already top-sliced");
        }
        budgets.requireNotCarriedOut(partnershipId, allocation.streamId, year,
                allocation.gross.subtract(input.gross()).max(BigDecimal.ZERO).setScale(2), "Lowering the gross");
        budgets.requireHoldable(partnershipId, allocation.streamId, year,
                input.gross().subtract(allocation.gross).max(BigDecimal.ZERO), BigDecimal.ZERO, "gross");
        long before = allocation.version;
        apply(allocation, input);
        Allocation.getEntityManager().flush();
        // The version moves only when a field changed: a PUT of the allocation as it stands is no revision.
        if (allocation.version != before) {
            outbox.append(allocation.made(AllocationMade.Change.REVISED, stream.funderId));
        }
        return allocation;
    }

    /** @return the allocation with the top-slice applied */
    @Transactional
    public Allocation topSlice(String partnershipId, UUID allocationId, String ifMatch, TopSliceInput input) {
        Allocation allocation = find(partnershipId, allocationId);
        if (ifMatch != null) {
            EntityTags.requireMatch(ifMatch, allocation.version);
        }
        FinancialYear year = new FinancialYear(allocation.financialYear);
        years.requireOpen(partnershipId, year, "its top-slices");
        BigDecimal after = allocation.topSliced().add(input.amount());
        if (after.compareTo(allocation.gross) > 0) {
            throw new RuleViolated("amount: top-slices would come to " + after + ", more than the allocation's "
                    + allocation.gross.setScale(2));
        }
        budgets.requireNotCarriedOut(partnershipId, allocation.streamId, year, input.amount().setScale(2),
                "A top-slice");
        TopSlice slice = new TopSlice();
        slice.id = UUID.randomUUID();
        slice.amount = input.amount().setScale(2);
        slice.purpose = input.purpose().strip();
        slice.appliedOn = input.appliedOn() != null ? input.appliedOn() : calendar.today();
        allocation.topSlices.add(slice);
        Allocation.getEntityManager().flush();
        outbox.append(new TopSliceApplied(slice.id, allocation.id, partnershipId, allocation.streamId,
                allocation.financialYear, slice.amount, slice.purpose, allocation.topSliced(), allocation.net(),
                allocation.version));
        return allocation;
    }

    private static void apply(Allocation allocation, AllocationInput input) {
        allocation.gross = input.gross().setScale(2);
        allocation.awardedOn = input.awardedOn();
        allocation.title = input.title().strip();
        allocation.description = input.description();
    }
}
