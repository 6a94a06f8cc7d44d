package org.saferpartnerships.platform.outbox;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.quarkus.arc.properties.IfBuildProperty;

/**
 * {@code csp_outbox_pending}: events written but not yet on Kafka. It rises while Kafka is away
 * and must fall back to zero when it returns; a value that only grows means the relay is stuck.
 * {@code csp_outbox_stalled_seconds} says for how long the oldest event has failed to go out (0
 * while events flow), and {@code csp_outbox_refused} is 1 while Kafka refuses it: alert on that at
 * once, for it will not pass by itself.
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
        Gauge.builder("csp.outbox.stalled.seconds", relay,
                r -> r.stall().map(stall -> stall.lasting().toMillis() / 1000.0).orElse(0.0))
                .description("How long the oldest pending event has failed to be published; 0 while events flow")
                .register(registry);
        Gauge.builder("csp.outbox.refused", relay, r -> r.stall().filter(RelayStall::refused).isPresent() ? 1 : 0)
                .description("1 while Kafka refuses the oldest pending event or its topic; every later event waits")
                .register(registry);
    }
}
