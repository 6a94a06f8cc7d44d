package org.saferpartnerships.platform.outbox;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.quarkus.arc.properties.IfBuildProperty;

/**
 * {@code csp_outbox_pending}: events written but not yet on Kafka. It rises while Kafka is away
 * and must fall back to zero when it returns; a value that only grows means the relay is stuck.
 */
@IfBuildProperty(name = OutboxRelay.ENABLED, stringValue = "true", enableIfMissing = true)
@Singleton
public class OutboxMetrics implements MeterBinder {

    private final OutboxRelay relay;

    OutboxMetrics(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("csp.outbox.pending", relay, OutboxRelay::pendingCount)
                .description("Outbox events not yet published to Kafka")
                .register(registry);
    }
}
