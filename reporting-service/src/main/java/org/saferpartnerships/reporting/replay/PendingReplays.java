package org.saferpartnerships.reporting.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;

import org.saferpartnerships.platform.consumer.IdempotentBatchConsumer;
import org.saferpartnerships.platform.consumer.IdempotentConsumer;
import org.saferpartnerships.platform.consumer.IncomingEvent;
import org.saferpartnerships.platform.consumer.MalformedEventException;
import org.saferpartnerships.platform.events.Topics;
import org.saferpartnerships.platform.lifecycle.ServiceLifecycle;

/**
 * Carries a rebuild's replay through to the end, whichever instance holds a partition and however
 * often instances restart. The partitions still to replay are rows in the database; every instance
 * rewinds those of its assigned partitions it has not rewound yet, and a partition's row goes once
 * the replay, having started from the partition's first offset, reaches the offset that was the
 * end when the rebuild began. The instance that ends the last partition's replay puts the rebuilt
 * projections in place.
 */
@ApplicationScoped
public class PendingReplays {

    /** Consumer channel of each replayed topic. */
    static final Map<String, String> CHANNELS = Map.of(
            Topics.INCIDENT_EVENTS, "incident-events",
            Topics.PARTNERSHIP_EVENTS, "partnership-events",
            Topics.FUNDING_EVENTS, "funding-events");

    /** A partition of a pending replay, as this instance rewound it. */
    private static final class Rewind {
        final UUID rebuildId;
        final long firstOffset;
        final long untilOffset;
        volatile boolean started;
        volatile long lastOffset = -1;

        Rewind(UUID rebuildId, long firstOffset, long untilOffset) {
            this.rebuildId = rebuildId;
            this.firstOffset = firstOffset;
            this.untilOffset = untilOffset;
        }
    }

    /** What a batch's event was read as, with the record it came in. */
    private record Located<T>(T data, ConsumerRecord<String, String> record) {
    }

    /** A partition still to replay, as the database holds it. */
    record Pending(String topic, int partition, UUID rebuildId, long untilOffset) {
        TopicPartition topicPartition() {
            return new TopicPartition(topic, partition);
        }
    }

    static final String REWIND_JOB = "projection-replay-rewind";

    private final Map<TopicPartition, Rewind> rewound = new ConcurrentHashMap<>();
    private final EntityManager entityManager;
    private final KafkaClientService kafka;
    private final IdempotentConsumer idempotentConsumer;
    private final IdempotentBatchConsumer batchConsumer;
    private final ProjectionGenerations generations;
    private final ServiceLifecycle lifecycle;
    private final ProjectionPositions positions;

    PendingReplays(EntityManager entityManager, KafkaClientService kafka, IdempotentConsumer idempotentConsumer,
            IdempotentBatchConsumer batchConsumer, ProjectionGenerations generations, ServiceLifecycle lifecycle,
            ProjectionPositions positions) {
        this.entityManager = entityManager;
        this.positions = positions;
        this.generations = generations;
        this.lifecycle = lifecycle;
        this.kafka = kafka;
        this.idempotentConsumer = idempotentConsumer;
        this.batchConsumer = batchConsumer;
    }

    /**
     * How the projection consumers apply an event: once ({@link IdempotentConsumer}), to the
     * generation of the tables being written ({@link ProjectionGenerations}), its position kept with
     * its effect ({@link ProjectionPositions}), and noted, whatever became of it, so that a rebuild's
     * replay of its partition can end.
     */
    public CompletionStage<Void> applyOnce(String consumer, Message<String> message, Consumer<IncomingEvent> effect) {
        try {
            return idempotentConsumer.applyOnce(consumer, message, event -> {
                generations.writeToCurrentGeneration();
                effect.accept(event);
                positions.applied(List.of(IdempotentConsumer.recordOf(message)));
            });
        } finally {
            handled(IdempotentConsumer.recordOf(message));
        }
    }

    /**
     * The same for a batch ({@link IdempotentBatchConsumer}): applied once, and every record of it
     * noted, in the order of the poll.
     */
    public <T> CompletionStage<Void> applyBatchOnce(String consumer, Message<List<String>> batch,
            Function<IncomingEvent, T> read, Consumer<List<T>> effect) {
        // Each event keeps its record, so that the positions written are those of the events the
        // effect is given (all of a batch, or one at a time should the batch fail).
        Map<String, ConsumerRecord<String, String>> recordOfEvent = new HashMap<>();
        for (ConsumerRecord<String, String> record : IdempotentBatchConsumer.recordsOf(batch)) {
            try {
                recordOfEvent.putIfAbsent(IncomingEvent.from(record).id(), record);
            } catch (MalformedEventException e) {
                // Dead-lettered without reaching the effect.
            }
        }
        try {
            return batchConsumer.applyOnce(consumer, batch, event -> new Located<>(read.apply(event),
                    recordOfEvent.get(event.id())), located -> {
                        generations.writeToCurrentGeneration();
                        effect.accept(located.stream().map(Located::data).toList());
                        positions.applied(located.stream().map(Located::record).filter(Objects::nonNull).toList());
                    });
        } finally {
            IdempotentBatchConsumer.recordsOf(batch).forEach(this::handled);
        }
    }

    /** A redriven dead letter's effect, written like a delivered event's to the generation being written. */
    public void applyRedriven(Runnable effect) {
        generations.writeToCurrentGeneration();
        effect.run();
    }

    /** The partitions whose replay has not reached its end yet, across all instances. */
    List<Pending> pending() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Pending> pending = new ArrayList<>();
            for (Object row : entityManager.createNativeQuery(
                    "select topic, partition, rebuild_id, until_offset from projection_replay order by topic, partition")
                    .getResultList()) {
                Object[] cells = (Object[]) row;
                pending.add(new Pending((String) cells[0], ((Number) cells[1]).intValue(), (UUID) cells[2],
                        ((Number) cells[3]).longValue()));
            }
            return pending;
        });
    }

    /**
     * Rewinds the pending partitions assigned to this instance that it has not rewound for their
     * rebuild. A partition this instance no longer holds is forgotten, so that should it come back
     * mid-replay it is rewound again.
     */
    @Scheduled(identity = REWIND_JOB, every = "${csp.projections.replay-check:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public synchronized void rewindAssignedPartitions() {
        if (lifecycle.stopping()) {
            // The scheduler may fire once more while the persistence layer closes.
            return;
        }
        List<Pending> pending = pending();
        for (Map.Entry<String, String> channel : CHANNELS.entrySet()) {
            List<Pending> ofTopic = pending.stream().filter(p -> p.topic().equals(channel.getKey())).toList();
            KafkaConsumer<Object, Object> channelConsumer = kafka.getConsumer(channel.getValue());
            if (channelConsumer == null) {
                // The channel has not started yet; the next check rewinds what it must.
                continue;
            }
            channelConsumer.runOnPollingThread(consumer -> {
                Set<TopicPartition> assigned = consumer.assignment();
                rewound.keySet().removeIf(partition -> partition.topic().equals(channel.getKey())
                        && (!assigned.contains(partition)
                                || ofTopic.stream().noneMatch(p -> p.topicPartition().equals(partition))));
                for (Pending replay : ofTopic) {
                    TopicPartition partition = replay.topicPartition();
                    if (assigned.contains(partition) && !rewoundFor(replay)) {
                        long first = consumer.beginningOffsets(List.of(partition)).get(partition);
                        rewound.put(partition, new Rewind(replay.rebuildId(), first, replay.untilOffset()));
                        consumer.seek(partition, first);
                        Log.infof("Replaying %s from offset %d to %d", partition, first, replay.untilOffset());
                    }
                }
            }).await().atMost(Duration.ofSeconds(30));
        }
    }

    /**
     * Ends the partition's replay once it reaches its end. The replay has started once the partition's records go back (records fetched before the
     * rewind still arrive after it, ahead of the replayed ones) or come from its first offset.
     */
    private void handled(ConsumerRecord<?, ?> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        Rewind rewind = rewound.get(partition);
        if (rewind == null) {
            return;
        }
        if (record.offset() <= rewind.firstOffset || record.offset() < rewind.lastOffset) {
            rewind.started = true;
        }
        rewind.lastOffset = record.offset();
        if (!rewind.started || record.offset() < rewind.untilOffset - 1) {
            return;
        }
        try {
            boolean switched = QuarkusTransaction.requiringNew().call(() -> {
                // Locked first: the instances ending the last two partitions at once take turns, so
                // the second sees that none is left.
                boolean current = generations.lockRebuild().filter(rewind.rebuildId::equals).isPresent();
                entityManager.createNativeQuery(
                        "delete from projection_replay where topic = ?1 and partition = ?2 and rebuild_id = ?3")
                        .setParameter(1, record.topic()).setParameter(2, record.partition())
                        .setParameter(3, rewind.rebuildId).executeUpdate();
                if (!current || ((Number) entityManager.createNativeQuery("select count(*) from projection_replay")
                        .getSingleResult()).longValue() > 0) {
                    return false;
                }
                generations.switchToNextGeneration();
                return true;
            });
            rewound.remove(partition, rewind);
            Log.infof("Replay of %s complete%s", partition, switched ? "; the rebuilt projections are live" : "");
        } catch (RuntimeException e) {
            // The row stays; the next handled record, or a later rewind, finishes it.
            Log.warnf("Could not record the end of the replay of %s: %s", partition, e);
        }
    }

    private boolean rewoundFor(Pending pending) {
        Rewind rewind = rewound.get(pending.topicPartition());
        return rewind != null && rewind.rebuildId.equals(pending.rebuildId());
    }
}
