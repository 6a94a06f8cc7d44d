package org.saferpartnerships.reporting.directory;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;

import org.saferpartnerships.platform.consumer.IncomingEvent;
import org.saferpartnerships.platform.consumer.RedrivableConsumer;
import org.saferpartnerships.platform.events.partnership.ActionUpdated;
import org.saferpartnerships.platform.events.partnership.AgencyChanged;
import org.saferpartnerships.platform.events.partnership.DomesticHomicideReviewChanged;
import org.saferpartnerships.platform.events.partnership.GovernanceBodyChanged;
import org.saferpartnerships.platform.events.partnership.MeetingRecorded;
import org.saferpartnerships.platform.events.partnership.MembershipChanged;
import org.saferpartnerships.platform.events.partnership.PartnershipChanged;
import org.saferpartnerships.platform.events.partnership.PriorityChanged;
import org.saferpartnerships.platform.events.partnership.RiskChanged;
import org.saferpartnerships.reporting.partnerships.PartnershipRecordsProjection;
import org.saferpartnerships.reporting.replay.PendingReplays;

/**
 * Feeds {@code partnership.events}, each event once, into the {@link PartnershipDirectoryProjection}
 * and the records reports print ({@link PartnershipRecordsProjection}); assessments and strategies
 * are not reported.
 */
@ApplicationScoped
public class PartnershipEventsConsumer implements RedrivableConsumer {

    public static final String CONSUMER = "reporting.partnership-directory";

    private final PendingReplays replays;
    private final PartnershipDirectoryProjection projection;
    private final PartnershipRecordsProjection records;
    private final ObjectMapper json;

    PartnershipEventsConsumer(PendingReplays replays, PartnershipDirectoryProjection projection,
            PartnershipRecordsProjection records, ObjectMapper json) {
        this.replays = replays;
        this.projection = projection;
        this.records = records;
        this.json = json;
    }

    @Incoming("partnership-events")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return replays.applyOnce(CONSUMER, message, this::applyToProjections);
    }

    @Override
    public String channel() {
        return "partnership-events";
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public void apply(IncomingEvent event) {
        replays.applyRedriven(() -> applyToProjections(event));
    }

    private void applyToProjections(IncomingEvent event) {
        switch (event.type()) {
            case PartnershipChanged.REGISTERED_TYPE, PartnershipChanged.UPDATED_TYPE ->
                projection.apply(event.dataAs(PartnershipChanged.class, json));
            case PriorityChanged.DRAFTED_TYPE, PriorityChanged.ADOPTED_TYPE ->
                projection.apply(event.dataAs(PriorityChanged.class, json));
            case AgencyChanged.REGISTERED_TYPE, AgencyChanged.UPDATED_TYPE ->
                records.apply(event.dataAs(AgencyChanged.class, json));
            case MembershipChanged.TYPE -> records.apply(event.dataAs(MembershipChanged.class, json));
            case GovernanceBodyChanged.TYPE -> records.apply(event.dataAs(GovernanceBodyChanged.class, json));
            case MeetingRecorded.TYPE -> records.apply(event.dataAs(MeetingRecorded.class, json));
            case ActionUpdated.TYPE -> records.apply(event.dataAs(ActionUpdated.class, json));
            case RiskChanged.RECORDED_TYPE, RiskChanged.UPDATED_TYPE ->
                records.apply(event.dataAs(RiskChanged.class, json));
            case DomesticHomicideReviewChanged.TYPE ->
                records.apply(event.dataAs(DomesticHomicideReviewChanged.class, json));
            default -> {
                // Assessments and strategies are not reported.
            }
        }
    }
}
