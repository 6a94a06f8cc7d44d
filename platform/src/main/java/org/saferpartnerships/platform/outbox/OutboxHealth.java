package org.saferpartnerships.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.health.api.Wellness;

/**
 * Whether the outbox relay is publishing ({@code /q/health/well}). Down while the oldest pending
 * event cannot go out, with which event, its topic, since when and why. A wellness check, not a
 * readiness one: the service still takes writes, which wait in the outbox, so it must not be taken
 * out of service for it.
 */
@IfBuildProperty(name = OutboxRelay.ENABLED, stringValue = "true", enableIfMissing = true)
@Wellness
@ApplicationScoped
public class OutboxHealth implements HealthCheck {

    private final OutboxRelay relay;

    OutboxHealth(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder health = HealthCheckResponse.named("Outbox relay");
        return relay.stall().map(stall -> health.down().withData("stalledSince", stall.since().toString())
                .withData("eventId", stall.eventId()).withData("topic", stall.topic())
                .withData("refused", stall.refused()).withData("reason", stall.reason()).build())
                .orElseGet(() -> health.up().build());
    }
}
