package org.saferpartnerships.partnership.members;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.saferpartnerships.partnership.common.PartnershipRecord;

import org.saferpartnerships.platform.events.partnership.MembershipChanged;

/**
 * An agency's membership of a partnership over a period. Leaving sets {@code until}; the row stays,
 * so "who was a member on date D" is always answerable.
 */
@Entity
public class Membership extends PartnershipRecord {

    @Column(name = "agency_id", nullable = false, updatable = false)
    public String agencyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MemberRole role;

    /** Whether the agency sits as a responsible authority (a statutory member) or by agreement. */
    @Column(nullable = false)
    public boolean statutory;

    @Column(name = "member_from", nullable = false)
    public LocalDate from;

    /** Last day of membership; null while it lasts. */
    @Column(name = "member_until")
    public LocalDate until;


    public boolean activeOn(LocalDate date) {
        return !from.isAfter(date) && (until == null || !until.isBefore(date));
    }

    boolean overlaps(LocalDate otherFrom, LocalDate otherUntil) {
        boolean startsBeforeOtherEnds = otherUntil == null || !from.isAfter(otherUntil);
        boolean endsAfterOtherStarts = until == null || !until.isBefore(otherFrom);
        return startsBeforeOtherEnds && endsAfterOtherStarts;
    }

    MembershipChanged changed() {
        return new MembershipChanged(id, partnershipId, agencyId, role.slug(), statutory, from, until, version);
    }
}
