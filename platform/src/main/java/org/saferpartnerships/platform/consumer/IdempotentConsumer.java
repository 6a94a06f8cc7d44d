package org.saferpartnerships.platform.consumer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

import org.saferpartnerships.platform.lifecycle.ServiceLifecycle;

/**
 * Applies each event once: the event id is recorded in the same transaction as the effect, so a
 * redelivered event (Kafka delivers at least once; the outbox relay may re-send) changes nothing.
 *
 * <p>What happens on failure decides whether a projection can silently lose an event, so it is
 * decided here, once. A malformed event goes straight to the dead-letter topic. A failure while
 * the database cannot be reached is the infrastructure's, not the event's: the event is retried,
 * for as long as the outage lasts, and the partition waits behind it (the platform turns off the
 * Kafka connector's limit on how long a record may stay unacknowledged, which would otherwise stop
 * the channel after a minute). So is a refusal that passes ({@link FailureCause#TRANSIENT}: a
 * deadlock, a serialization failure, a timeout, a lost connection). Any other failure is retried a
 * few times and then dead-lettered with its reason, so one bad event does not stop the consumer.
 * Once the service has begun to stop, no failure is the event's: it stays unacknowledged and comes
 * again after the restart (a shutdown closes the persistence layer under a running consumer).
 */
@ApplicationScoped
public class IdempotentConsumer {

    /** Attempts at a failure neither an outage nor transient; beyond that the event itself is at fault. */
    private static final int ATTEMPTS_AT_OTHER_FAILURES = 3;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

    private final AgroalDataSource dataSource;
    private final MeterRegistry meters;
    private final ServiceLifecycle lifecycle;

    IdempotentConsumer(AgroalDataSource dataSource, MeterRegistry meters, ServiceLifecycle lifecycle) {
        this.dataSource = dataSource;
        this.meters = meters;
        this.lifecycle = lifecycle;
    }

    /** Whether the service has begun to stop, when a failure is the shutdown's, not the event's. */
    boolean stopping() {
        return lifecycle.stopping();
    }

    /** The Kafka record a message from a Kafka channel carries. */
    @SuppressWarnings("unchecked")
    public static ConsumerRecord<String, String> recordOf(Message<String> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> (ConsumerRecord<String, String>) metadata.getRecord())
                .orElseThrow(() -> new IllegalArgumentException("Not a message from a Kafka channel"));
    }

    /**
     * Reads the CloudEvent in the message and, unless {@code consumer} has applied it before, runs
     * {@code effect} in a new transaction together with the record of its application; then
     * acknowledges the message. A malformed event, or one that keeps failing for a cause that is
     * neither an outage nor transient, is negatively acknowledged, which the channel's failure
     * strategy dead-letters. An event whose retry is interrupted (the service is stopping) is
     * neither: it stays uncommitted and is delivered again.
     */
    public CompletionStage<Void> applyOnce(String consumer, Message<String> message, Consumer<IncomingEvent> effect) {
        IncomingEvent event;
        try {
            event = IncomingEvent.from(recordOf(message));
        } catch (MalformedEventException e) {
            return message.nack(e);
        }
        int otherFailures = 0;
        Duration pause = FIRST_PAUSE;
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (firstDelivery(consumer, event)) {
                        effect.accept(event);
                    }
                });
                return message.ack();
            } catch (RuntimeException e) {
                FailureCause cause = FailureCause.of(e, this::databaseAnswers);
                if (cause == FailureCause.OTHER) {
                    otherFailures++;
                }
                switch (FailureVerdict.of(lifecycle.stopping(), cause, otherFailures, ATTEMPTS_AT_OTHER_FAILURES)) {
                    case LEAVE_FOR_REDELIVERY -> {
                        return stopping(consumer, event, e);
                    }
                    case DEAD_LETTER -> {
                        Log.errorf("%s: %s %s goes to the dead-letter topic: %s", consumer, event.type(), event.id(),
                                rootCause(e));
                        return message.nack(e);
                    }
                    case RETRY -> {
                        Counter.builder("csp.consumer.retries").tag("consumer", consumer)
                                .description("Events retried after a failure, by consumer").register(meters)
                                .increment();
                        Log.warnf("%s: %s %s failed (%s), retrying in %d ms%s", consumer, event.type(), event.id(),
                                rootCause(e), pause.toMillis(), switch (cause) {
                                    case DATABASE_DOWN -> " (the database does not answer)";
                                    case TRANSIENT -> " (a refusal that passes; never dead-lettered)";
                                    default -> "";
                                });
                        if (!pausedFor(pause)) {
                            return stopping(consumer, event, e);
                        }
                        pause = Collections.min(List.of(pause.multipliedBy(2), LONGEST_PAUSE));
                    }
                }
            }
        }
    }

    private static CompletionStage<Void> stopping(String consumer, IncomingEvent event, RuntimeException failure) {
        Log.infof("%s: stopping; %s %s stays unacknowledged and comes again (it failed with %s)", consumer,
                event.type(), event.id(), rootCause(failure));
        return CompletableFuture.completedFuture(null);
    }

    boolean firstDelivery(String consumer, IncomingEvent event) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into consumed_event (consumer, event_id, event_type, consumed_at)
                        values (?, ?, ?, now()) on conflict do nothing""")) {
            insert.setString(1, consumer);
            insert.setString(2, event.id());
            insert.setString(3, event.type());
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record consumption of event " + event.id(), e);
        }
    }

    static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }


    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** @return false when the wait was interrupted: the service is stopping. */
    static boolean pausedFor(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
