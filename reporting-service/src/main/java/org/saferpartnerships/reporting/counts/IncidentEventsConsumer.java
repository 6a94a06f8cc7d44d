package org.saferpartnerships.reporting.counts;

import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;

import org.saferpartnerships.platform.consumer.IdempotentBatchConsumer;
import org.saferpartnerships.platform.consumer.IncomingEvent;
import org.saferpartnerships.platform.consumer.RedrivableConsumer;
import org.saferpartnerships.platform.events.incident.IncidentCorrected;
import org.saferpartnerships.platform.events.incident.IncidentRecorded;
import org.saferpartnerships.platform.events.incident.IncidentWithdrawn;
import org.saferpartnerships.reporting.counts.IncidentCountProjection.Change;
import org.saferpartnerships.reporting.replay.PendingReplays;

/**
 * Feeds {@code incident.events} into the count projection a poll at a time
 * ({@code batch=true}), each event once: the batch's event ids are recorded in the same
 * transaction as its counts ({@link IdempotentBatchConsumer}). A database outage holds the batch
 * until it is over; an event that cannot be applied goes to the dead-letter topic on its own and
 * the rest of its batch is counted.
 */
@ApplicationScoped
public class IncidentEventsConsumer implements RedrivableConsumer {

    public static final String CONSUMER = "reporting.incident-counts";

    private final PendingReplays replays;
    private final IncidentCountProjection projection;
    private final ObjectMapper json;

    IncidentEventsConsumer(PendingReplays replays, IncidentCountProjection projection, ObjectMapper json) {
        this.replays = replays;
        this.projection = projection;
        this.json = json;
    }

    @Incoming("incident-events")
    @Blocking
    public CompletionStage<Void> consume(Message<List<String>> batch) {
        return replays.applyBatchOnce(CONSUMER, batch, this::changeOf, projection::apply);
    }

    @Override
    public String channel() {
        return "incident-events";
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public void apply(IncomingEvent event) {
        replays.applyRedriven(() -> projection.apply(List.of(changeOf(event))));
    }

    private Change changeOf(IncomingEvent event) {
        return switch (event.type()) {
            case IncidentRecorded.TYPE -> projection.changeOf(event.dataAs(IncidentRecorded.class, json), event.time());
            case IncidentCorrected.TYPE -> projection.changeOf(event.dataAs(IncidentCorrected.class, json), event.time());
            case IncidentWithdrawn.TYPE -> projection.changeOf(event.dataAs(IncidentWithdrawn.class, json), event.time());
            default -> {
                Log.debugf("Skipping %s %s: not counted", event.type(), event.id());
                yield Change.NONE;
            }
        };
    }
}
