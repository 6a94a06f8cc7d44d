package org.saferpartnerships.platform.consumer;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;

/**
 * {@link IdempotentConsumer} for a Kafka channel in batch mode ({@code batch=true}): a whole poll
 * in one transaction, with the same guarantees as one event at a time.
 *
 * <p>Every record is read first, without touching the database; one that cannot be read is
 * dead-lettered on its own, so its neighbours are applied. The readable events' ids are recorded
 * in one statement, which answers which of them come for the first time; only those reach the
 * effect, in one transaction with the record of their ids. While the database does not answer,
 * the batch is held and retried ({@code csp_consumer_retries_total}), never acknowledged and never
 * dead-lettered. Should the batch fail while the database answers, its records are applied one
 * at a time by {@link IdempotentConsumer}, so that only the event at fault is dead-lettered.
 *
 * <p>Dead letters go through the channel's failure strategy record by record (nacking the batch
 * would dead-letter all of it), and only once the batch's effect is committed: a dead letter
 * acknowledges its record, which may let the partition's offset be committed past it. A batch
 * that fails once the service has begun to stop is neither applied nor dead-lettered: it comes again.
 */
@ApplicationScoped
public class IdempotentBatchConsumer {

    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

    private final AgroalDataSource dataSource;
    private final MeterRegistry meters;
    private final IdempotentConsumer oneAtATime;

    IdempotentBatchConsumer(AgroalDataSource dataSource, MeterRegistry meters, IdempotentConsumer oneAtATime) {
        this.dataSource = dataSource;
        this.meters = meters;
        this.oneAtATime = oneAtATime;
    }

    /** An event of the batch and what {@code read} made of it. */
    private record Read<T>(IncomingEvent event, T data) {
    }

    /** A record to dead-letter, and why. */
    private record DeadLetter(Message<String> message, MalformedEventException reason) {
    }

    /** The Kafka records of a batch message, in the order of the poll (by partition, in offset order). */
    public static List<ConsumerRecord<String, String>> recordsOf(Message<List<String>> batch) {
        return messagesOf(batch).stream().map(IdempotentConsumer::recordOf).toList();
    }

    /**
     * Applies the events of a batch that {@code consumer} has not applied before, then acknowledges
     * the batch. {@code read} turns an event into what the effect needs; it must not do I/O, so any
     * failure of it means the event itself is unreadable (dead-lettered). {@code effect} gets the
     * first deliveries, in the batch's order, inside the transaction that records their ids. A batch
     * whose retry is interrupted (the service is stopping) stays unacknowledged and comes again.
     */
    public <T> CompletionStage<Void> applyOnce(String consumer, Message<List<String>> batch,
            Function<IncomingEvent, T> read, Consumer<List<T>> effect) {
        List<Message<String>> messages = messagesOf(batch);
        Map<String, Read<T>> firstOfEachId = new LinkedHashMap<>();
        List<DeadLetter> unreadable = new ArrayList<>();
        for (Message<String> message : messages) {
            try {
                IncomingEvent event = IncomingEvent.from(IdempotentConsumer.recordOf(message));
                // The same event twice in one poll (a re-send by the outbox relay) is applied once.
                firstOfEachId.putIfAbsent(event.id(), new Read<>(event, readOrMalformed(event, read)));
            } catch (MalformedEventException e) {
                unreadable.add(new DeadLetter(message, e));
            }
        }
        Duration pause = FIRST_PAUSE;
        while (!firstOfEachId.isEmpty()) {
            try {
                QuarkusTransaction.requiringNew().run(() -> effect.accept(firstDeliveries(consumer, firstOfEachId.values())));
                break;
            } catch (RuntimeException e) {
                if (oneAtATime.stopping()) {
                    return stopping(consumer, messages.size());
                }
                if (databaseAnswers()) {
                    Log.warnf("%s: a batch of %d events failed (%s); applying them one at a time", consumer,
                            messages.size(), IdempotentConsumer.rootCause(e));
                    return oneAtATime(consumer, batch, messages, read, effect);
                }
                retried(consumer);
                Log.warnf("%s: a batch of %d events failed (%s), retrying in %d ms (the database does not answer)",
                        consumer, messages.size(), IdempotentConsumer.rootCause(e), pause.toMillis());
                if (!IdempotentConsumer.pausedFor(pause)) {
                    return stopping(consumer, messages.size());
                }
                pause = longer(pause);
            }
        }
        for (DeadLetter dead : unreadable) {
            Log.errorf("%s: a record at %s goes to the dead-letter topic: %s", consumer,
                    position(dead.message()), dead.reason().getMessage());
            if (!untilDone(consumer, () -> dead.message().nack(dead.reason()))) {
                return stopping(consumer, messages.size());
            }
        }
        return batch.ack();
    }

    /** Each record on its own, in order, with {@link IdempotentConsumer}'s rules. */
    private <T> CompletionStage<Void> oneAtATime(String consumer, Message<List<String>> batch,
            List<Message<String>> messages, Function<IncomingEvent, T> read, Consumer<List<T>> effect) {
        for (Message<String> message : messages) {
            boolean done = untilDone(consumer, () -> oneAtATime.applyOnce(consumer, message,
                    event -> effect.accept(Collections.singletonList(readOrMalformed(event, read)))));
            // IdempotentConsumer leaves an event unacknowledged quietly when the service stops.
            if (!done || Thread.currentThread().isInterrupted() || oneAtATime.stopping()) {
                return stopping(consumer, messages.size());
            }
        }
        return batch.ack();
    }

    private <T> List<T> firstDeliveries(String consumer, Collection<Read<T>> events) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into consumed_event (consumer, event_id, event_type, consumed_at)
                        select ?, event.id, event.type, now() from unnest(?::text[], ?::text[]) as event (id, type)
                        on conflict do nothing
                        returning event_id""")) {
            Array ids = connection.createArrayOf("text", events.stream().map(e -> e.event().id()).toArray());
            Array types = connection.createArrayOf("text", events.stream().map(e -> e.event().type()).toArray());
            insert.setString(1, consumer);
            insert.setArray(2, ids);
            insert.setArray(3, types);
            Set<String> first = new HashSet<>();
            try (ResultSet inserted = insert.executeQuery()) {
                while (inserted.next()) {
                    first.add(inserted.getString(1));
                }
            }
            return events.stream().filter(e -> first.contains(e.event().id())).map(Read::data).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record consumption of a batch of " + events.size() + " events", e);
        }
    }

    private static <T> T readOrMalformed(IncomingEvent event, Function<IncomingEvent, T> read) {
        try {
            return read.apply(event);
        } catch (MalformedEventException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MalformedEventException(event.type() + " " + event.id() + " cannot be read: " + e);
        }
    }

    /**
     * Waits for a record's outcome (acknowledged, or dead-lettered) and repeats the step should it
     * fail, as when the dead-letter topic cannot be written: the batch is not acknowledged past a
     * record whose dead letter is not out.
     *
     * @return false when a pause was interrupted: the service is stopping.
     */
    private boolean untilDone(String consumer, Supplier<CompletionStage<Void>> step) {
        Duration pause = FIRST_PAUSE;
        while (true) {
            try {
                step.get().toCompletableFuture().join();
                return true;
            } catch (RuntimeException e) {
                retried(consumer);
                Log.warnf("%s: %s, retrying in %d ms", consumer, IdempotentConsumer.rootCause(e), pause.toMillis());
                if (!IdempotentConsumer.pausedFor(pause)) {
                    return false;
                }
                pause = longer(pause);
            }
        }
    }

    private static CompletionStage<Void> stopping(String consumer, int size) {
        Log.infof("%s: stopping; a batch of %d events stays unacknowledged and comes again", consumer, size);
        return CompletableFuture.completedFuture(null);
    }

    @SuppressWarnings("unchecked")
    private static List<Message<String>> messagesOf(Message<List<String>> batch) {
        return batch.getMetadata(IncomingKafkaRecordBatchMetadata.class)
                .map(metadata -> (List<Message<String>>) (List<?>) metadata.getBatchedMessages())
                .orElseThrow(() -> new IllegalArgumentException("Not a batch from a Kafka channel in batch mode"));
    }

    private static String position(Message<String> message) {
        ConsumerRecord<String, String> record = IdempotentConsumer.recordOf(message);
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private void retried(String consumer) {
        Counter.builder("csp.consumer.retries").tag("consumer", consumer)
                .description("Events retried after a failure, by consumer").register(meters).increment();
    }

    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static Duration longer(Duration pause) {
        return Collections.min(List.of(pause.multipliedBy(2), LONGEST_PAUSE));
    }
}
