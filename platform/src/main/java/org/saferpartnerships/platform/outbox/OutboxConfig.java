package org.saferpartnerships.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

@ConfigMapping(prefix = "csp.outbox")
public interface OutboxConfig {

    /** CloudEvents {@code source} of this service's events, e.g. {@code /incident-service}. */
    String source();

    /**
     * How often the relay looks for pending events even though no commit woke it: the fallback for
     * commits its listener missed. The default lives in the platform's microprofile-config.properties.
     */
    Duration pollInterval();

    /** How many pending events the relay sends to Kafka per database transaction. */
    @WithDefault("2000")
    int batchSize();

    /**
     * How often the outbox is vacuumed, when the relay has deleted published events since the
     * last time: each leaves a dead row version.
     */
    @WithDefault("1m")
    Duration vacuumInterval();

    /**
     * Whether the service runs a relay at all ({@link OutboxRelay#ENABLED}, read at build time):
     * one that never appends to its outbox (reporting-service) has nothing to relay.
     */
    @WithName("relay.enabled")
    @WithDefault("true")
    boolean relayEnabled();

    /** How long the relay waits for Kafka to acknowledge a batch before it tries again later. */
    @WithDefault("15s")
    Duration sendTimeout();
}
