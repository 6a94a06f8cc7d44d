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

    public enum Change {
        RECORDED("risk.recorded.v1"),
        UPDATED("risk.updated.v1");

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
