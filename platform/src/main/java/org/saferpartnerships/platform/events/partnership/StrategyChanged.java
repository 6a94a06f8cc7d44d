package org.saferpartnerships.platform.events.partnership;

import java.util.List;
import java.util.UUID;

/** A partnership strategy was written or revised (focus areas, outcomes, a yearly review). Type {@code strategy.changed.v1}. */
public record StrategyChanged(UUID strategyId, String partnershipId, String title, int startYear, int endYear,
        List<String> focusAreas, List<String> outcomes, int reviews, long version) implements PartnershipEvent {

    public static final String TYPE = "strategy.changed.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return strategyId.toString();
    }
}
