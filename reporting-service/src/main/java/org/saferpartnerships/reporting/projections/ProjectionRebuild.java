package org.saferpartnerships.reporting.projections;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;

import org.saferpartnerships.reporting.directory.PartnershipEventsConsumer;
import org.saferpartnerships.reporting.incidents.IncidentCountProjection;
import org.saferpartnerships.reporting.incidents.IncidentEventsConsumer;

/**
 * Drops every projection and replays every topic from its first offset. The projections are
 * emptied together with the consumers' record of what they applied, in one transaction; then
 * the consumers seek to the beginning. An event in flight meanwhile is applied once either way:
 * before the emptying it is wiped and replayed, after it is recorded and skipped on replay.
 */
@ApplicationScoped
public class ProjectionRebuild {

    private static final List<String> CHANNELS = List.of("incident-events", "partnership-events");

    private final EntityManager entityManager;
    private final IncidentCountProjection counts;
    private final KafkaClientService kafka;

    ProjectionRebuild(EntityManager entityManager, IncidentCountProjection counts, KafkaClientService kafka) {
        this.entityManager = entityManager;
        this.counts = counts;
        this.kafka = kafka;
    }

    public void rebuild() {
        QuarkusTransaction.requiringNew().run(() -> {
            counts.clear();
            entityManager.createNativeQuery("truncate partnership_directory, partnership_priority").executeUpdate();
            entityManager.createNativeQuery("delete from consumed_event where consumer in (?1, ?2)")
                    .setParameter(1, IncidentEventsConsumer.CONSUMER)
                    .setParameter(2, PartnershipEventsConsumer.CONSUMER)
                    .executeUpdate();
        });
        for (String channel : CHANNELS) {
            KafkaConsumer<Object, Object> consumer = kafka.getConsumer(channel);
            consumer.runOnPollingThread(c -> {
                c.seekToBeginning(c.assignment());
            }).await().atMost(Duration.ofSeconds(30));
        }
        Log.infof("Projections emptied; replaying %s from the beginning", CHANNELS);
    }
}
