package org.saferpartnerships.reporting.projections;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.apache.kafka.common.TopicPartition;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;

import org.saferpartnerships.reporting.directory.PartnershipEventsConsumer;
import org.saferpartnerships.reporting.incidents.IncidentCountProjection;
import org.saferpartnerships.reporting.incidents.IncidentEventsConsumer;

/**
 * Drops every projection and replays every topic from its first offset. One transaction empties
 * the projections and the consumers' record of what they applied, and records which partitions
 * must be replayed up to which offset; {@link PendingReplays} then rewinds them, on whichever
 * instance holds them, again after a restart, until each has been replayed to that offset. An event
 * in flight meanwhile is applied once either way: before the emptying it is wiped and replayed,
 * after it is recorded and skipped on replay.
 */
@ApplicationScoped
public class ProjectionRebuild {

    private final EntityManager entityManager;
    private final IncidentCountProjection counts;
    private final KafkaClientService kafka;
    private final PendingReplays replays;

    ProjectionRebuild(EntityManager entityManager, IncidentCountProjection counts, KafkaClientService kafka,
            PendingReplays replays) {
        this.entityManager = entityManager;
        this.counts = counts;
        this.kafka = kafka;
        this.replays = replays;
    }

    public void rebuild() {
        emptyProjectionsAndPlanReplay();
        replays.rewindAssignedPartitions();
    }

    /** The rebuild's one transaction; should the instance stop right after it, the replay still happens. */
    void emptyProjectionsAndPlanReplay() {
        UUID rebuildId = UUID.randomUUID();
        Map<TopicPartition, Long> untilOffsets = new HashMap<>();
        PendingReplays.CHANNELS.forEach((topic, channel) -> untilOffsets.putAll(partitionsToReplay(topic, channel)));
        QuarkusTransaction.requiringNew().run(() -> {
            counts.clear();
            entityManager.createNativeQuery("truncate partnership_directory, partnership_priority").executeUpdate();
            entityManager.createNativeQuery("delete from consumed_event where consumer in (?1, ?2)")
                    .setParameter(1, IncidentEventsConsumer.CONSUMER)
                    .setParameter(2, PartnershipEventsConsumer.CONSUMER)
                    .executeUpdate();
            entityManager.createNativeQuery("delete from projection_replay").executeUpdate();
            untilOffsets.forEach((partition, until) -> entityManager.createNativeQuery("""
                    insert into projection_replay (topic, partition, rebuild_id, until_offset) values (?1, ?2, ?3, ?4)""")
                    .setParameter(1, partition.topic()).setParameter(2, partition.partition())
                    .setParameter(3, rebuildId).setParameter(4, until).executeUpdate());
        });
        Log.infof("Projections emptied; replaying %d partitions of %s", untilOffsets.size(),
                PendingReplays.CHANNELS.keySet());
    }

    /** The topic's partitions that hold events, each with its end offset now. */
    private Map<TopicPartition, Long> partitionsToReplay(String topic, String channel) {
        return kafka.getConsumer(channel).runOnPollingThread(consumer -> {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            Map<TopicPartition, Long> first = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> until = new HashMap<>();
            consumer.endOffsets(partitions).forEach((partition, end) -> {
                if (end > first.get(partition)) {
                    until.put(partition, end);
                }
            });
            return until;
        }).await().atMost(Duration.ofSeconds(30));
    }
}
