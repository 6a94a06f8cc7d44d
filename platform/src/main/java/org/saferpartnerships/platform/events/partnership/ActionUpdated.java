package org.saferpartnerships.platform.events.partnership;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An action of a partnership's annual plan was added, changed, or had progress reported: its
 * status, outcome measures and latest progress report now. Type {@code action.updated.v1}.
 */
public record ActionUpdated(UUID actionId, String partnershipId, int financialYear, UUID priorityId, String title,
        String ownerAgencyId, LocalDate startOn, LocalDate dueOn, String status, List<Measure> measures,
        Progress latestProgress, long version) implements PartnershipEvent {

    public static final String TYPE = "action.updated.v1";

    public record Measure(String name, String unit, java.math.BigDecimal target, java.math.BigDecimal actual) {
    }

    /**
     * The progress report of the latest date (of two on one day, the later reported); null until
     * one is made. Added to the contract later: events of before carry none. Who reported it is
     * left out, as it names a person.
     */
    public record Progress(LocalDate on, String status, String note) {
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
