package org.saferpartnerships.platform.events.funding;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A funder was registered or its details changed; whole current state. A funder belongs to no
 * single partnership, so these records are keyed {@code funder:<id>}.
 */
public record FunderChanged(@JsonIgnore Change change, String funderId, String name, String kind, String orgId,
        String grantPrefix, long version) implements FundingEvent {

    public static final String REGISTERED_TYPE = "funder.registered.v1";
    public static final String UPDATED_TYPE = "funder.updated.v1";

    public enum Change {
        REGISTERED(REGISTERED_TYPE),
        UPDATED(UPDATED_TYPE);

        public final String type;

        Change(String type) {
            this.type = type;
        }
    }

    @Override
    public String eventType() {
        return change.type;
    }

    @Override
    public String partnershipId() {
        return "funder:" + funderId;
    }

    @Override
    public String subject() {
        return funderId;
    }
}
