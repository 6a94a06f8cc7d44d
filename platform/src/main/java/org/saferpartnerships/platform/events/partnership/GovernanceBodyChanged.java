package org.saferpartnerships.platform.events.partnership;

import java.util.UUID;

/** A governance body was set up or changed; whole state. Type {@code governance-body.changed.v1}. */
public record GovernanceBodyChanged(UUID bodyId, String partnershipId, String name, String kind, String cadence,
        long version) implements PartnershipEvent {

    public static final String TYPE = "governance-body.changed.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return bodyId.toString();
    }
}
