package org.saferpartnerships.funding.grants;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.saferpartnerships.funding.allocations.Allocation;
import org.saferpartnerships.funding.budget.FinancialYear;
import org.saferpartnerships.funding.funders.Funder;
import org.saferpartnerships.funding.funders.FunderService;
import org.saferpartnerships.funding.funders.FundingStream;
import org.saferpartnerships.funding.partnerships.PartnershipReplica;
import org.saferpartnerships.platform.audit.AuditTrail;

/**
 * A funder's grants of one financial year as 360Giving publishes them: every allocation of the
 * funder's streams for the year to the partnerships the caller may see, one grant each. Callers
 * have checked that the caller speaks for the funder.
 */
@ApplicationScoped
public class ThreeSixtyGivingExport {

    private static final String CURRENCY = "GBP";

    private final FunderService funders;
    private final PartnershipReplica partnerships;
    private final AuditTrail audit;

    ThreeSixtyGivingExport(FunderService funders, PartnershipReplica partnerships, AuditTrail audit) {
        this.funders = funders;
        this.partnerships = partnerships;
        this.audit = audit;
    }

    public GrantPackage grants(Funder funder, FinancialYear year, Predicate<String> seenPartnerships) {
        Map<UUID, FundingStream> streams = funders.streams(funder.id).stream()
                .collect(Collectors.toMap(stream -> stream.id, stream -> stream));
        List<Allocation> allocations = Allocation.<Allocation>find("""
                from Allocation a left join fetch a.topSlices
                where a.streamId in (select s.id from FundingStream s where s.funderId = ?1) and a.financialYear = ?2
                order by a.awardedOn, a.reference""", funder.id, year.startYear()).list().stream()
                .filter(allocation -> seenPartnerships.test(allocation.partnershipId)).toList();
        audit.records(allocations.stream().map(allocation -> allocation.id).toList());
        Map<String, String> names = partnerships.namesOf(
                allocations.stream().map(allocation -> allocation.partnershipId).distinct().toList());
        return new GrantPackage(allocations.stream()
                .map(allocation -> grant(funder, streams.get(allocation.streamId), year, allocation,
                        nameOf(names, allocation.partnershipId)))
                .toList());
    }

    private static Grant grant(Funder funder, FundingStream stream, FinancialYear year, Allocation allocation,
            String partnershipName) {
        return new Grant(funder.grantPrefix + "-" + allocation.reference, allocation.title,
                description(stream, year, allocation, partnershipName), CURRENCY, allocation.net(),
                allocation.awardedOn, List.of(new Grant.Period(year.firstDay(), year.lastDay())),
                List.of(new Grant.Organisation(recipientId(funder, allocation.partnershipId), partnershipName)),
                List.of(new Grant.Organisation(funder.orgId, funder.name)), List.of(new Grant.Programme(stream.name)));
    }

    /**
     * A partnership has no registered organisation identifier (it is not a charity or company), so
     * it is named as 360Giving asks for unregistered recipients: the funder's prefix and its own id.
     */
    private static String recipientId(Funder funder, String partnershipId) {
        return funder.grantPrefix + "-CSP-" + partnershipId;
    }

    /** What was given, and, where the funder withheld some of it, the gross, each top-slice and the net. */
    private static String description(FundingStream stream, FinancialYear year, Allocation allocation,
            String partnershipName) {
        String given = allocation.description != null && !allocation.description.isBlank()
                ? allocation.description.strip()
                : stream.name + " allocated to " + partnershipName + " for the financial year " + year.label() + ".";
        if (allocation.topSlices.isEmpty()) {
            return given;
        }
        String slices = allocation.topSlices.stream().map(slice -> pounds(slice.amount) + " for " + slice.purpose)
                .collect(Collectors.joining(", "));
        return given + (given.matches("(?s).*[.!?]$") ? " " : ". ") + "Gross " + pounds(allocation.gross)
                + "; top-sliced by the funder: " + slices + "; net " + pounds(allocation.net()) + ".";
    }

    /** £12,337.00: BigDecimal formats exactly, with no detour through a double. */
    private static String pounds(BigDecimal amount) {
        return String.format(Locale.UK, "£%,.2f", amount);
    }

    private static String nameOf(Map<String, String> names, String partnershipId) {
        String name = names.get(partnershipId);
        if (name == null) {
            // Allocations are made only to registered partnerships, and the replica never forgets one.
            throw new IllegalStateException("Partnership " + partnershipId + " has an allocation but no name");
        }
        return name;
    }
}
