package org.saferpartnerships.platform.events.funding;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A funder's stream of money was opened or changed; keyed with its funder, {@code funder:<id>}. */
public record FundingStreamChanged(@JsonIgnore Change change, UUID streamId, String funderId, String name, String kind,
        long version) implements FundingEvent {

    public static final String OPENED_TYPE = "funding-stream.opened.v1";
    public static final String UPDATED_TYPE = "funding-stream.updated.v1";

    public enum Change {
        OPENED(OPENED_TYPE),
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
        return streamId.toString();
    }
}
