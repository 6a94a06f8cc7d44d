package org.saferpartnerships.reporting.directory;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;

import org.saferpartnerships.platform.consumer.IncomingEvent;
import org.saferpartnerships.reporting.projections.PendingReplays;
import org.saferpartnerships.platform.events.partnership.PartnershipChanged;
import org.saferpartnerships.platform.events.partnership.PriorityChanged;

/**
 * Keeps the partnership directory (names, districts) and the priority list from
 * {@code partnership.events}; a stale version is ignored.
 */
@ApplicationScoped
public class PartnershipEventsConsumer {

    public static final String CONSUMER = "reporting.partnership-directory";

    private final PendingReplays replays;
    private final ObjectMapper json;

    PartnershipEventsConsumer(PendingReplays replays, ObjectMapper json) {
        this.replays = replays;
        this.json = json;
    }

    @Incoming("partnership-events")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return replays.applyOnce(CONSUMER, message, this::apply);
    }

    private void apply(IncomingEvent event) {
        switch (event.type()) {
            case "partnership.registered.v1", "partnership.updated.v1" ->
                apply(event.dataAs(PartnershipChanged.class, json));
            case "priority.drafted.v1", "priority.adopted.v1" -> apply(event.dataAs(PriorityChanged.class, json));
            default -> {
                // Other partnership records do not label feeds.
            }
        }
    }

    private static void apply(PartnershipChanged changed) {
        DirectoryPartnership partnership = DirectoryPartnership.<DirectoryPartnership>findByIdOptional(
                changed.partnershipId()).orElseGet(DirectoryPartnership::new);
        if (partnership.id != null && partnership.version > changed.version()) {
            return;
        }
        partnership.id = changed.partnershipId();
        partnership.name = changed.name();
        partnership.districts = changed.districts();
        partnership.version = changed.version();
        partnership.persist();
    }

    private static void apply(PriorityChanged changed) {
        DirectoryPriority priority = DirectoryPriority.<DirectoryPriority>findByIdOptional(changed.priorityId())
                .orElseGet(DirectoryPriority::new);
        if (priority.id != null && priority.version > changed.version()) {
            return;
        }
        priority.id = changed.priorityId();
        priority.partnershipId = changed.partnershipId();
        priority.financialYear = changed.financialYear();
        priority.title = changed.title();
        priority.theme = changed.theme();
        priority.status = changed.status();
        priority.version = changed.version();
        priority.persist();
    }
}
