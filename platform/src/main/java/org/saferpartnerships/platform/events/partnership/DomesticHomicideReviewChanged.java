package org.saferpartnerships.platform.events.partnership;

import java.util.UUID;

/**
 * A Domestic Homicide Review was opened or moved on. Deliberately no case details — no reference,
 * dates, panel or recommendations — only that a review of this partnership is at this stage, so
 * counts of open reviews can be reported. Type {@code dhr.changed.v1}.
 */
public record DomesticHomicideReviewChanged(UUID reviewId, String partnershipId, String status, long version)
        implements PartnershipEvent {

    public static final String TYPE = "dhr.changed.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return reviewId.toString();
    }
}
