package org.saferpartnerships.funding.allocations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.saferpartnerships.platform.events.funding.AllocationMade;
import org.saferpartnerships.platform.funding.BudgetLine;

/**
 * What a funder's stream gives a partnership for a financial year: the gross grant, the
 * top-slices the funder withholds for purposes of its own, and the net that reaches the partnership.
 */
@Entity
public class Allocation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "partnership_id", nullable = false, updatable = false)
    public String partnershipId;

    @Column(name = "stream_id", nullable = false, updatable = false)
    public UUID streamId;

    @Column(name = "financial_year", nullable = false, updatable = false)
    public int financialYear;

    @Column(nullable = false, precision = 14, scale = 2)
    public BigDecimal gross;

    @Column(name = "awarded_on", nullable = false)
    public LocalDate awardedOn;

    /** The funder's own reference of the grant; its 360Giving identifier ends with it, so it stays as made. */
    @Column(nullable = false, updatable = false)
    public String reference;

    @Column(nullable = false)
    public String title;

    public String description;

    @OneToMany(cascade = CascadeType.PERSIST, fetch = FetchType.EAGER)
    @JoinColumn(name = "allocation_id", nullable = false, updatable = false)
    @OrderBy("appliedOn, id")
    public List<TopSlice> topSlices = new ArrayList<>();

    @Version
    public long version;

    public BigDecimal topSliced() {
        return topSlices.stream().map(slice -> slice.amount).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2);
    }

    public BigDecimal net() {
        return BudgetLine.pounds(gross).subtract(topSliced());
    }

    AllocationMade made(AllocationMade.Change change, String funderId) {
        return new AllocationMade(change, id, partnershipId, funderId, streamId, financialYear, gross, topSliced(),
                net(), awardedOn, reference, title, version);
    }
}
