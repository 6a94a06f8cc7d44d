package org.saferpartnerships.platform.outbox;

import java.time.Duration;
import java.time.Instant;

/**
 * The relay cannot publish the oldest pending event: which one, since when, and why. While it
 * lasts every later event of the service waits behind it (the relay keeps the service's order),
 * and writes are still accepted and kept in the outbox.
 *
 * @param refused Kafka answers but refuses the event or its topic (no ACL, a topic it does not
 *                create, an invalid name): no retry will do until someone fixes the cause.
 *                Otherwise Kafka does not answer, which passes by itself.
 */
public record RelayStall(Instant since, String eventId, String topic, String reason, boolean refused) {

    public Duration lasting() {
        return Duration.between(since, Instant.now());
    }
}
