package org.saferpartnerships.platform.events.partnership;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An agency joined a partnership, changed role, or left ({@code until} set); whole current state
 * of the membership. Type {@code membership.changed.v1}. Intake uses it to know who may post for
 * which partnership on which date.
 */
public record MembershipChanged(
        UUID membershipId,
        String partnershipId,
        String agencyId,
        String role,
        boolean statutory,
        LocalDate from,
        LocalDate until,
        long version) implements PartnershipEvent {

    public static final String TYPE = "membership.changed.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return membershipId.toString();
    }
}
