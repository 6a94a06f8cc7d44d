package org.saferpartnerships.reporting.directory;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;

import org.saferpartnerships.platform.consumer.IncomingEvent;
import org.saferpartnerships.platform.consumer.RedrivableConsumer;
import org.saferpartnerships.platform.events.partnership.PartnershipChanged;
import org.saferpartnerships.platform.events.partnership.PriorityChanged;
import org.saferpartnerships.reporting.replay.PendingReplays;

/**
 * Feeds {@code partnership.events} into the {@link PartnershipDirectoryProjection}, each event
 * once; other partnership records do not label feeds.
 */
@ApplicationScoped
public class PartnershipEventsConsumer implements RedrivableConsumer {

    public static final String CONSUMER = "reporting.partnership-directory";

    private final PendingReplays replays;
    private final PartnershipDirectoryProjection projection;
    private final ObjectMapper json;

    PartnershipEventsConsumer(PendingReplays replays, PartnershipDirectoryProjection projection, ObjectMapper json) {
        this.replays = replays;
        this.projection = projection;
        this.json = json;
    }

    @Incoming("partnership-events")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return replays.applyOnce(CONSUMER, message, this::applyToDirectory);
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
        replays.applyRedriven(() -> applyToDirectory(event));
    }

    private void applyToDirectory(IncomingEvent event) {
        switch (event.type()) {
            case PartnershipChanged.REGISTERED_TYPE, PartnershipChanged.UPDATED_TYPE ->
                projection.apply(event.dataAs(PartnershipChanged.class, json));
            case PriorityChanged.DRAFTED_TYPE, PriorityChanged.ADOPTED_TYPE ->
                projection.apply(event.dataAs(PriorityChanged.class, json));
            default -> {
                // Other partnership records do not label feeds.
            }
        }
    }
}
