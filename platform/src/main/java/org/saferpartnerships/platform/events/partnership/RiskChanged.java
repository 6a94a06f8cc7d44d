package org.saferpartnerships.platform.events.partnership;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A risk entered the partnership's register or was re-assessed; whole state with the derived
 * score and rating. Types {@code risk.recorded.v1} and {@code risk.updated.v1}.
 */
public record RiskChanged(@JsonIgnore Change change, UUID riskId, String partnershipId, String reference,
        String description, int likelihood, int impact, int score, String rating, String mitigation, String owner,
        LocalDate reviewOn, boolean closed, long version) implements PartnershipEvent {

    /** The types as constants, for a consumer's {@code switch}. */
    public static final String RECORDED_TYPE = "risk.recorded.v1";
    public static final String UPDATED_TYPE = "risk.updated.v1";

    public enum Change {
        RECORDED(RECORDED_TYPE),
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
        return riskId.toString();
    }
}
