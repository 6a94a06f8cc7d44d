package org.saferpartnerships.partnership.strategies;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.saferpartnerships.partnership.common.PartnershipRecords;
import org.saferpartnerships.platform.events.DomainEvent;
import org.saferpartnerships.platform.events.partnership.StrategyChanged;

@ApplicationScoped
public class StrategyService extends PartnershipRecords<Strategy, StrategyInput> {

    StrategyService() {
        super(Strategy.class, "strategy");
    }

    @Override
    protected Strategy newRecord() {
        return new Strategy();
    }

    @Override
    protected void apply(Strategy strategy, StrategyInput input) {
        strategy.title = input.title().strip();
        strategy.startYear = input.startYear();
        strategy.endYear = input.endYear();
        strategy.focusAreas = List.copyOf(input.focusAreas());
        strategy.outcomes = input.outcomes() == null ? List.of() : List.copyOf(input.outcomes());
        strategy.reviews = input.reviews() == null ? List.of() : List.copyOf(input.reviews());
    }

    @Override
    protected DomainEvent event(Strategy s, boolean created) {
        return new StrategyChanged(s.id, s.partnershipId, s.title, s.startYear, s.endYear, List.copyOf(s.focusAreas),
                s.outcomes.stream().map(StrategyInput.Outcome::name).toList(), s.reviews.size(), s.version);
    }
}
