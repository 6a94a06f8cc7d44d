package org.saferpartnerships.platform.consumer;

/**
 * A consumer whose dead letters {@link DeadLetterRedrive} can apply again once the fault that sent
 * them there is fixed. Each service's consumers implement it, as beans.
 */
public interface RedrivableConsumer {

    /** The channel it consumes; the configuration gives the channel's group and dead-letter topic. */
    String channel();

    /** The name its applications are recorded under, as for {@link IdempotentConsumer#applyOnce}. */
    String consumer();

    /** Applies one event, inside the transaction that records it as applied: the consumer's own effect. */
    void apply(IncomingEvent event);
}
