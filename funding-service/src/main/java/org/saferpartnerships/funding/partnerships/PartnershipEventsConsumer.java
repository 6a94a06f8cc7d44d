package org.saferpartnerships.funding.partnerships;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;

import org.saferpartnerships.platform.consumer.IdempotentConsumer;
import org.saferpartnerships.platform.consumer.IncomingEvent;
import org.saferpartnerships.platform.consumer.RedrivableConsumer;
import org.saferpartnerships.platform.events.partnership.MeetingRecorded;
import org.saferpartnerships.platform.events.partnership.PartnershipChanged;
import org.saferpartnerships.platform.events.partnership.PriorityChanged;

/** Keeps {@link PartnershipReplica} from {@code partnership.events}; other event types are not needed here. */
@ApplicationScoped
public class PartnershipEventsConsumer implements RedrivableConsumer {

    static final String CONSUMER = "funding.partnership-replica";

    private final IdempotentConsumer idempotentConsumer;
    private final PartnershipReplica replica;
    private final ObjectMapper json;

    PartnershipEventsConsumer(IdempotentConsumer idempotentConsumer, PartnershipReplica replica, ObjectMapper json) {
        this.idempotentConsumer = idempotentConsumer;
        this.replica = replica;
        this.json = json;
    }

    @Incoming("partnership-events")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return idempotentConsumer.applyOnce(CONSUMER, message, this::apply);
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
        switch (event.type()) {
            case PartnershipChanged.REGISTERED_TYPE, PartnershipChanged.UPDATED_TYPE ->
                replica.apply(event.dataAs(PartnershipChanged.class, json));
            case PriorityChanged.DRAFTED_TYPE, PriorityChanged.ADOPTED_TYPE ->
                replica.apply(event.dataAs(PriorityChanged.class, json));
            case MeetingRecorded.TYPE -> replica.apply(event.dataAs(MeetingRecorded.class, json));
            default -> {
                // Agencies, members, risks… do not decide what money may be committed to.
            }
        }
    }
}
