package org.saferpartnerships.platform.events.partnership;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An action of a partnership's annual plan was added, changed, or had progress reported: its
 * status and outcome measures now. Type {@code action.updated.v1}.
 */
public record ActionUpdated(UUID actionId, String partnershipId, int financialYear, UUID priorityId, String title,
        String ownerAgencyId, LocalDate startOn, LocalDate dueOn, String status, List<Measure> measures,
        long version) implements PartnershipEvent {

    public static final String TYPE = "action.updated.v1";

    public record Measure(String name, String unit, java.math.BigDecimal target, java.math.BigDecimal actual) {
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return actionId.toString();
    }
}
