package org.saferpartnerships.platform.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

import org.saferpartnerships.platform.admission.ServiceBusyException;
import org.saferpartnerships.platform.domain.NoSuchRecord;
import org.saferpartnerships.platform.persistence.PassingRefusal;

/**
 * Applies a consumer group's dead letters again, after the fault that sent them there is fixed (a
 * bad deployment, a constraint, a bug). Each letter is applied once, like a first delivery: one the
 * consumer has applied meanwhile is skipped. How far the dead-letter topic has been redriven is the
 * committed offset of a group of its own ({@code <dead-letter topic>.redrive}), so a redrive starts
 * where the last one stopped. A letter that fails again stops the redrive there and is reported;
 * those before it stay applied. A letter that cannot be read is passed over and counted: no fix
 * makes its bytes readable, and it stays in the topic to be looked at.
 */
@ApplicationScoped
public class DeadLetterRedrive {

    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration LONGEST = Duration.ofMinutes(5);

    /** A consumer group's dead-letter topic: how many letters it holds and how many are still to redrive. */
    public record DeadLetterQueue(String consumerGroup, String topic, long deadLettered, long waiting) {
    }

    /** What one redrive did. */
    public record Redrive(String consumerGroup, String topic, long applied, long alreadyApplied, long unreadable,
            long waiting, Optional<FailedLetter> failed) {
    }

    /** The letter that failed again, and why; the next redrive starts with it. */
    public record FailedLetter(int partition, long offset, String eventId, String eventType, String reason) {
    }

    private final Instance<RedrivableConsumer> consumers;
    private final IdempotentConsumer idempotentConsumer;
    private final Config config;
    private final MeterRegistry meters;

    DeadLetterRedrive(Instance<RedrivableConsumer> consumers, IdempotentConsumer idempotentConsumer, Config config,
            MeterRegistry meters) {
        this.consumers = consumers;
        this.idempotentConsumer = idempotentConsumer;
        this.config = config;
        this.meters = meters;
    }

    /** Every consumer group of this service that has a dead-letter topic, with what it holds. */
    public List<DeadLetterQueue> queues() {
        List<DeadLetterQueue> queues = new ArrayList<>();
        for (RedrivableConsumer consumer : consumers) {
            String group = groupOf(consumer);
            String topic = deadLetterTopicOf(consumer);
            try (KafkaConsumer<String, String> kafka = kafka(topic)) {
                Position position = position(kafka, topic);
                queues.add(new DeadLetterQueue(group, topic, position.deadLettered(), position.waiting()));
            } catch (TimeoutException e) {
                throw kafkaAway(e);
            }
        }
        queues.sort(Comparator.comparing(DeadLetterQueue::consumerGroup));
        return queues;
    }

    /**
     * Applies the group's letters that came before now and were not redriven yet.
     *
     * @throws NoSuchRecord when this service has no consumer group of that name
     */
    public synchronized Redrive redrive(String consumerGroup) {
        RedrivableConsumer consumer = consumers.stream().filter(c -> groupOf(c).equals(consumerGroup)).findFirst()
                .orElseThrow(() -> new NoSuchRecord("This service has no consumer group " + consumerGroup));
        String topic = deadLetterTopicOf(consumer);
        long applied = 0;
        long alreadyApplied = 0;
        long unreadable = 0;
        Optional<FailedLetter> failed = Optional.empty();
        try (KafkaConsumer<String, String> kafka = kafka(topic)) {
            Position position = position(kafka, topic);
            Map<TopicPartition, Long> until = position.ends();
            long deadline = System.nanoTime() + LONGEST.toNanos();
            redriving:
            while (!reached(kafka, until) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> letter : kafka.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(letter.topic(), letter.partition());
                    if (letter.offset() >= until.get(partition)) {
                        continue;
                    }
                    try {
                        switch (applyOnce(consumer, letter)) {
                            case APPLIED -> applied++;
                            case ALREADY_APPLIED -> alreadyApplied++;
                            case UNREADABLE -> unreadable++;
                        }
                        kafka.commitSync(Map.of(partition, new OffsetAndMetadata(letter.offset() + 1)));
                    } catch (TimeoutException e) {
                        throw e; // Kafka's, not the letter's
                    } catch (RuntimeException e) {
                        if (PassingRefusal.in(e)) {
                            // The database's for now (a lock, a deadlock), not the letter's: come back.
                            throw new ServiceBusyException("The database refused for now (" + e.getMessage()
                                    + "); the redrive stopped before the letter at offset " + letter.offset()
                                    + " and goes on from there", Duration.ofSeconds(10));
                        }
                        failed = Optional.of(failure(letter, e));
                        Log.errorf("%s: redrive of %s stopped at %s-%d@%d: %s", consumer.consumer(), topic,
                                letter.topic(), letter.partition(), letter.offset(), failed.get().reason());
                        break redriving;
                    }
                }
            }
            long waiting = position(kafka, topic).waiting();
            Counter.builder("csp.consumer.dead.letters.redriven").tag("consumer", consumer.consumer())
                    .description("Dead letters applied again by a redrive, by consumer").register(meters)
                    .increment(applied);
            Log.infof("%s: redrive of %s applied %d, skipped %d applied before and %d unreadable, %d waiting",
                    consumer.consumer(), topic, applied, alreadyApplied, unreadable, waiting);
            return new Redrive(consumerGroup, topic, applied, alreadyApplied, unreadable, waiting, failed);
        } catch (TimeoutException e) {
            // What was applied before Kafka went away stays applied, and its position committed.
            throw kafkaAway(e);
        }
    }

    private static ServiceBusyException kafkaAway(TimeoutException e) {
        return new ServiceBusyException("Kafka did not answer (" + e.getMessage() + "); try again shortly",
                Duration.ofSeconds(30));
    }

    private enum Outcome { APPLIED, ALREADY_APPLIED, UNREADABLE }

    private Outcome applyOnce(RedrivableConsumer consumer, ConsumerRecord<String, String> letter) {
        try {
            IncomingEvent event = IncomingEvent.from(letter);
            return QuarkusTransaction.requiringNew().call(() -> {
                if (!idempotentConsumer.firstDelivery(consumer.consumer(), event)) {
                    return Outcome.ALREADY_APPLIED;
                }
                consumer.apply(event);
                return Outcome.APPLIED;
            });
        } catch (MalformedEventException e) {
            Log.warnf("%s: the dead letter at %s-%d@%d cannot be read and is passed over: %s", consumer.consumer(),
                    letter.topic(), letter.partition(), letter.offset(), e.getMessage());
            return Outcome.UNREADABLE;
        }
    }

    private static FailedLetter failure(ConsumerRecord<String, String> letter, RuntimeException e) {
        String id = null;
        String type = null;
        try {
            IncomingEvent event = IncomingEvent.from(letter);
            id = event.id();
            type = event.type();
        } catch (MalformedEventException unreadable) {
            // The letter itself is unreadable: the reason says so, and it has no id to give.
        }
        return new FailedLetter(letter.partition(), letter.offset(), id, type,
                String.valueOf(IdempotentConsumer.rootCause(e)));
    }

    /** Where the redrive group stands on each partition, and the end of each. */
    private record Position(Map<TopicPartition, Long> ends, long deadLettered, long waiting) {
    }

    private static Position position(KafkaConsumer<String, String> kafka, String topic) {
        List<TopicPartition> partitions = kafka.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        if (partitions.isEmpty()) {
            // No letter was ever dead-lettered: the topic does not exist yet.
            return new Position(Map.of(), 0, 0);
        }
        kafka.assign(partitions);
        Map<TopicPartition, Long> beginnings = kafka.beginningOffsets(partitions);
        Map<TopicPartition, Long> ends = new HashMap<>(kafka.endOffsets(partitions));
        Map<TopicPartition, OffsetAndMetadata> committed = kafka.committed(Set.copyOf(partitions));
        long deadLettered = 0;
        long waiting = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata done = committed.get(partition);
            long from = done == null ? beginnings.get(partition) : Math.max(done.offset(), beginnings.get(partition));
            kafka.seek(partition, from);
            deadLettered += ends.get(partition) - beginnings.get(partition);
            waiting += ends.get(partition) - from;
        }
        return new Position(ends, deadLettered, waiting);
    }

    private static boolean reached(KafkaConsumer<String, String> kafka, Map<TopicPartition, Long> until) {
        return until.entrySet().stream().allMatch(end -> kafka.position(end.getKey()) >= end.getValue());
    }

    private KafkaConsumer<String, String> kafka(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.getValue("kafka.bootstrap.servers", String.class));
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, topic + ".redrive");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Listing a group whose consumer never failed must not create its dead-letter topic.
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
        properties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    }

    private String groupOf(RedrivableConsumer consumer) {
        return config.getValue("mp.messaging.incoming." + consumer.channel() + ".group.id", String.class);
    }

    private String deadLetterTopicOf(RedrivableConsumer consumer) {
        return config.getValue("mp.messaging.incoming." + consumer.channel() + ".dead-letter-queue.topic", String.class);
    }
}
