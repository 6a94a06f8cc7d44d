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
import org.saferpartnerships.reporting.policeuk.OpenCrimeProjection;
import org.saferpartnerships.reporting.replay.PendingReplays;

/**
 * Feeds {@code incident.events} into the count projection and the open crimes served as
 * police.uk serves them ({@link OpenCrimeProjection}) a poll at a time ({@code batch=true}), each
 * event once: the batch's event ids are recorded in the same transaction as both
 * ({@link IdempotentBatchConsumer}). A database outage holds the batch
 * until it is over; an event that cannot be applied goes to the dead-letter topic on its own and
 * the rest of its batch is counted.
 */
@ApplicationScoped
public class IncidentEventsConsumer implements RedrivableConsumer {

    public static final String CONSUMER = "reporting.incident-counts";

    private final PendingReplays replays;
    private final IncidentCountProjection projection;
    private final OpenCrimeProjection openCrimes;
    private final ObjectMapper json;

    IncidentEventsConsumer(PendingReplays replays, IncidentCountProjection projection, OpenCrimeProjection openCrimes,
            ObjectMapper json) {
        this.replays = replays;
        this.projection = projection;
        this.openCrimes = openCrimes;
        this.json = json;
    }

    /** What one event does to each projection it feeds. */
    private record Effect(Change counts, OpenCrimeProjection.Change openCrime) {
        static final Effect NONE = new Effect(Change.NONE, OpenCrimeProjection.Change.NONE);
    }

    @Incoming("incident-events")
    @Blocking
    public CompletionStage<Void> consume(Message<List<String>> batch) {
        return replays.applyBatchOnce(CONSUMER, batch, this::effectOf, this::apply);
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
        replays.applyRedriven(() -> apply(List.of(effectOf(event))));
    }

    private void apply(List<Effect> effects) {
        projection.apply(effects.stream().map(Effect::counts).toList());
        openCrimes.apply(effects.stream().map(Effect::openCrime).toList());
    }

    private Effect effectOf(IncomingEvent event) {
        return switch (event.type()) {
            case IncidentRecorded.TYPE -> {
                IncidentRecorded recorded = event.dataAs(IncidentRecorded.class, json);
                yield new Effect(projection.changeOf(recorded, event.time()), openCrimes.changeOf(recorded));
            }
            case IncidentCorrected.TYPE -> {
                IncidentCorrected corrected = event.dataAs(IncidentCorrected.class, json);
                yield new Effect(projection.changeOf(corrected, event.time()), openCrimes.changeOf(corrected));
            }
            case IncidentWithdrawn.TYPE -> {
                IncidentWithdrawn withdrawn = event.dataAs(IncidentWithdrawn.class, json);
                yield new Effect(projection.changeOf(withdrawn, event.time()), openCrimes.changeOf(withdrawn));
            }
            default -> {
                Log.debugf("Skipping %s %s: not counted", event.type(), event.id());
                yield Effect.NONE;
            }
        };
    }
}
