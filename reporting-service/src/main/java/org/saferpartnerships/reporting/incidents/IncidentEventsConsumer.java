package org.saferpartnerships.reporting.incidents;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;

import org.saferpartnerships.platform.consumer.IncomingEvent;
import org.saferpartnerships.reporting.projections.PendingReplays;
import org.saferpartnerships.platform.events.incident.IncidentCorrected;
import org.saferpartnerships.platform.events.incident.IncidentRecorded;
import org.saferpartnerships.platform.events.incident.IncidentWithdrawn;

/**
 * Feeds {@code incident.events} into the count projection, once per event: the event id is
 * recorded in the same transaction as the count. A database outage holds the event until it is
 * over; an event that cannot be applied goes to the dead-letter topic
 * ({@code failure-strategy=dead-letter-queue}) and the next one carries on.
 */
@ApplicationScoped
public class IncidentEventsConsumer {

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
    public CompletionStage<Void> consume(Message<String> message) {
        return replays.applyOnce(CONSUMER, message, this::apply);
    }

    private void apply(IncomingEvent event) {
        switch (event.type()) {
            case IncidentRecorded.TYPE -> projection.apply(event.dataAs(IncidentRecorded.class, json), event.time());
            case IncidentCorrected.TYPE -> projection.apply(event.dataAs(IncidentCorrected.class, json), event.time());
            case IncidentWithdrawn.TYPE -> projection.apply(event.dataAs(IncidentWithdrawn.class, json), event.time());
            default -> Log.debugf("Skipping %s %s: not counted", event.type(), event.id());
        }
    }
}
