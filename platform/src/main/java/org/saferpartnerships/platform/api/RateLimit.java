package org.saferpartnerships.platform.api;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

/**
 * No one client takes a service's capacity from the others (OWASP API4): every request to
 * {@code /api/} draws from its client's token bucket ({@link RateLimitConfig}), the client being the
 * token's subject, or the caller's address for a request without a token. An empty bucket is
 * answered 429 with {@code Retry-After}, before any work is done. Buckets live in this instance's
 * memory, so each instance grants its own share.
 */
@ApplicationScoped
public class RateLimit {

    private final RateLimitConfig config;
    private final SecurityIdentity identity;
    private final Cache<String, Bucket> buckets;
    private final Counter refused;

    RateLimit(RateLimitConfig config, SecurityIdentity identity, MeterRegistry meters) {
        this.config = config;
        this.identity = identity;
        // A bucket left alone this long is full again: forgetting it changes nothing for its client.
        Duration refill = Duration.ofNanos(Math.max(1_000_000_000L,
                Math.multiplyExact(config.burst(), 1_000_000_000L) / config.requestsPerSecond()));
        this.buckets = Caffeine.newBuilder().maximumSize(config.maxClients()).expireAfterAccess(refill).build();
        this.refused = Counter.builder("csp.api.rate.limited").description("Requests refused 429 by the rate limit")
                .register(meters);
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Response limit(ContainerRequestContext request, HttpServerRequest connection) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/")) {
            return null;
        }
        ConsumptionProbe probe = buckets.get(clientOf(connection), client -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return null;
        }
        refused.increment();
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return HttpProblem.builder().withStatus(429).withTitle("Too Many Requests").withHeader("Retry-After", seconds)
                .withDetail("More than " + config.requestsPerSecond() + " requests a second (" + config.burst()
                        + " at once) from one client; send this again after Retry-After seconds")
                .build().toResponse(path);
    }

    private String clientOf(HttpServerRequest connection) {
        if (!identity.isAnonymous()) {
            String subject = identity.getPrincipal() instanceof JsonWebToken token ? token.getSubject() : null;
            return "sub:" + (subject != null ? subject : identity.getPrincipal().getName());
        }
        return "address:" + (connection.remoteAddress() == null ? "unknown" : connection.remoteAddress().hostAddress());
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(limit -> limit.capacity(config.burst())
                .refillGreedy(config.requestsPerSecond(), Duration.ofSeconds(1))).build();
    }
}
