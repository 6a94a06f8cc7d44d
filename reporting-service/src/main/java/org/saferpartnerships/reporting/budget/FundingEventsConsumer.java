package org.saferpartnerships.reporting.budget;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;

import org.saferpartnerships.platform.consumer.IncomingEvent;
import org.saferpartnerships.platform.consumer.RedrivableConsumer;
import org.saferpartnerships.platform.events.funding.AllocationMade;
import org.saferpartnerships.platform.events.funding.CarryForwardChanged;
import org.saferpartnerships.platform.events.funding.FinancialYearChanged;
import org.saferpartnerships.platform.events.funding.FunderChanged;
import org.saferpartnerships.platform.events.funding.FundingStreamChanged;
import org.saferpartnerships.platform.events.funding.InitiativeChanged;
import org.saferpartnerships.platform.events.funding.SpendRecorded;
import org.saferpartnerships.platform.events.funding.TopSliceApplied;
import org.saferpartnerships.reporting.replay.PendingReplays;

/** Feeds {@code funding.events} into the {@link BudgetProjection}, each event once. */
@ApplicationScoped
public class FundingEventsConsumer implements RedrivableConsumer {

    public static final String CONSUMER = "reporting.budget";

    private final PendingReplays replays;
    private final BudgetProjection projection;
    private final ObjectMapper json;

    FundingEventsConsumer(PendingReplays replays, BudgetProjection projection, ObjectMapper json) {
        this.replays = replays;
        this.projection = projection;
        this.json = json;
    }

    @Incoming("funding-events")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return replays.applyOnce(CONSUMER, message, this::applyToBudget);
    }

    @Override
    public String channel() {
        return "funding-events";
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public void apply(IncomingEvent event) {
        replays.applyRedriven(() -> applyToBudget(event));
    }

    private void applyToBudget(IncomingEvent event) {
        switch (event.type()) {
            case FunderChanged.REGISTERED_TYPE, FunderChanged.UPDATED_TYPE ->
                projection.apply(event.dataAs(FunderChanged.class, json));
            case FundingStreamChanged.OPENED_TYPE, FundingStreamChanged.UPDATED_TYPE ->
                projection.apply(event.dataAs(FundingStreamChanged.class, json));
            case AllocationMade.MADE_TYPE, AllocationMade.REVISED_TYPE ->
                projection.apply(event.dataAs(AllocationMade.class, json));
            case TopSliceApplied.TYPE -> projection.apply(event.dataAs(TopSliceApplied.class, json));
            case CarryForwardChanged.REQUESTED_TYPE, CarryForwardChanged.DECIDED_TYPE ->
                projection.apply(event.dataAs(CarryForwardChanged.class, json));
            case InitiativeChanged.PROPOSED_TYPE, InitiativeChanged.APPROVED_TYPE, InitiativeChanged.CHANGED_TYPE ->
                projection.apply(event.dataAs(InitiativeChanged.class, json));
            case SpendRecorded.RECORDED_TYPE, SpendRecorded.REVERSED_TYPE ->
                projection.apply(event.dataAs(SpendRecorded.class, json));
            case FinancialYearChanged.PUBLISHED_TYPE, FinancialYearChanged.CLOSED_TYPE ->
                projection.apply(event.dataAs(FinancialYearChanged.class, json));
            default -> {
                // A type funding-service added after this consumer was written: nothing in the budget follows from it.
            }
        }
    }
}
