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
 * memory, so each instance grants its own share. The open-data routes ({@code /police-uk/api/}),
 * which need no token, have buckets of their own per address, at data.police.uk's rate.
 */
@ApplicationScoped
public class RateLimit {

    private final RateLimitConfig config;
    private final SecurityIdentity identity;
    private final Cache<String, Bucket> buckets;
    private final Cache<String, Bucket> openDataBuckets;
    private final Counter refused;

    RateLimit(RateLimitConfig config, SecurityIdentity identity, MeterRegistry meters) {
        this.config = config;
        this.identity = identity;
        this.buckets = Caffeine.newBuilder().maximumSize(config.maxClients())
                .expireAfterAccess(refill(config.burst(), config.requestsPerSecond())).build();
        this.openDataBuckets = Caffeine.newBuilder().maximumSize(config.maxClients())
                .expireAfterAccess(refill(config.openData().burst(), config.openData().requestsPerSecond())).build();
        this.refused = Counter.builder("csp.api.rate.limited").description("Requests refused 429 by the rate limit")
                .register(meters);
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Response limit(ContainerRequestContext request, HttpServerRequest connection) {
        String path = request.getUriInfo().getPath();
        long perSecond;
        long burst;
        ConsumptionProbe probe;
        if (path.startsWith("/api/")) {
            perSecond = config.requestsPerSecond();
            burst = config.burst();
            probe = buckets.get(clientOf(connection), client -> newBucket(burst, perSecond))
                    .tryConsumeAndReturnRemaining(1);
        } else if (OpenDataRoutes.isOpenData(path)) {
            perSecond = config.openData().requestsPerSecond();
            burst = config.openData().burst();
            probe = openDataBuckets.get(addressOf(connection), client -> newBucket(burst, perSecond))
                    .tryConsumeAndReturnRemaining(1);
        } else {
            return null;
        }
        if (probe.isConsumed()) {
            return null;
        }
        refused.increment();
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return HttpProblem.builder().withStatus(429).withTitle("Too Many Requests").withHeader("Retry-After", seconds)
                .withDetail("More than " + perSecond + " requests a second (" + burst
                        + " at once) from one client; send this again after Retry-After seconds")
                .build().toResponse(path);
    }

    /** How long a bucket left alone takes to fill again: forgetting it after that changes nothing for its client. */
    private static Duration refill(long burst, long perSecond) {
        return Duration.ofNanos(Math.max(1_000_000_000L, Math.multiplyExact(burst, 1_000_000_000L) / perSecond));
    }

    private String clientOf(HttpServerRequest connection) {
        if (!identity.isAnonymous()) {
            String subject = identity.getPrincipal() instanceof JsonWebToken token ? token.getSubject() : null;
            return "sub:" + (subject != null ? subject : identity.getPrincipal().getName());
        }
        return addressOf(connection);
    }

    private static String addressOf(HttpServerRequest connection) {
        return "address:" + (connection.remoteAddress() == null ? "unknown" : connection.remoteAddress().hostAddress());
    }

    private static Bucket newBucket(long burst, long perSecond) {
        return Bucket.builder().addLimit(limit -> limit.capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)))
                .build();
    }
}
