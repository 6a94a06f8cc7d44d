package org.saferpartnerships.reporting.replay;

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


/**
 * Rebuilds every projection from the topics beside the live one. One transaction starts the next
 * generation of the tables ({@link ProjectionGenerations}), forgets what the consumers applied, and
 * records which partitions must be replayed up to which offset; {@link PendingReplays} then rewinds
 * them, on whichever instance holds them, again after a restart, and when the last has been
 * replayed puts the next generation in place. Until then feeds answer from the tables as they were
 * when the rebuild began. An event in flight meanwhile is applied once either way: committed
 * before the start, it is replayed; after, it is written to the next generation and skipped on replay.
 */
@ApplicationScoped
public class ProjectionRebuild {

    private final EntityManager entityManager;
    private final ProjectionGenerations generations;
    private final KafkaClientService kafka;
    private final PendingReplays replays;

    ProjectionRebuild(EntityManager entityManager, ProjectionGenerations generations, KafkaClientService kafka,
            PendingReplays replays) {
        this.entityManager = entityManager;
        this.generations = generations;
        this.kafka = kafka;
        this.replays = replays;
    }

    public void rebuild() {
        startReplay();
        replays.rewindAssignedPartitions();
    }

    /** The rebuild's one transaction; should the instance stop right after it, the replay still happens. */
    void startReplay() {
        UUID rebuildId = UUID.randomUUID();
        Map<TopicPartition, Long> untilOffsets = new HashMap<>();
        PendingReplays.CHANNELS.forEach((topic, channel) -> untilOffsets.putAll(partitionsToReplay(topic, channel)));
        QuarkusTransaction.requiringNew().run(() -> {
            generations.startNextGeneration(rebuildId);
            // Every consumer of this service feeds a projection, and all of them are rebuilt.
            entityManager.createNativeQuery("delete from consumed_event").executeUpdate();
            entityManager.createNativeQuery("delete from projection_replay").executeUpdate();
            untilOffsets.forEach((partition, until) -> entityManager.createNativeQuery("""
                    insert into projection_replay (topic, partition, rebuild_id, until_offset) values (?1, ?2, ?3, ?4)""")
                    .setParameter(1, partition.topic()).setParameter(2, partition.partition())
                    .setParameter(3, rebuildId).setParameter(4, until).executeUpdate());
            if (untilOffsets.isEmpty()) {
                // Nothing to replay: the empty generation is the rebuilt one.
                generations.switchToNextGeneration();
            }
        });
        Log.infof("Rebuild %s: replaying %d partitions of %s beside the live projections", rebuildId,
                untilOffsets.size(), PendingReplays.CHANNELS.keySet());
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
