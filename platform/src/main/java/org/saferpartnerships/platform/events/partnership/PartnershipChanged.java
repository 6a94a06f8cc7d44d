package org.saferpartnerships.platform.events.partnership;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A partnership was registered or its details changed; carries its whole current state, so a
 * consumer's replica (who covers which district) never needs to call partnership-service.
 * Types {@code partnership.registered.v1} and {@code partnership.updated.v1}.
 */
public record PartnershipChanged(
        @JsonIgnore Change change,
        String partnershipId,
        String name,
        List<String> districts,
        String pccArea,
        String countyBoard,
        String website,
        long version) implements PartnershipEvent {

    /** The types as constants, for a consumer's {@code switch}. */
    public static final String REGISTERED_TYPE = "partnership.registered.v1";
    public static final String UPDATED_TYPE = "partnership.updated.v1";

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
    public String subject() {
        return partnershipId;
    }
}
