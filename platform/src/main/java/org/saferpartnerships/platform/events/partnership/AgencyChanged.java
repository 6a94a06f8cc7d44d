package org.saferpartnerships.platform.events.partnership;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An agency was registered in the directory or its details changed; whole current state.
 * Types {@code agency.registered.v1} and {@code agency.updated.v1}. An agency belongs to no single
 * partnership, so these records are keyed {@code agency:<id>}.
 */
public record AgencyChanged(
        @JsonIgnore Change change,
        String agencyId,
        String name,
        String type,
        boolean responsibleAuthority,
        long version) implements PartnershipEvent {

    /** The types as constants, for a consumer's {@code switch}. */
    public static final String REGISTERED_TYPE = "agency.registered.v1";
    public static final String UPDATED_TYPE = "agency.updated.v1";

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
        return "agency:" + agencyId;
    }

    @Override
    public String subject() {
        return agencyId;
    }
}
