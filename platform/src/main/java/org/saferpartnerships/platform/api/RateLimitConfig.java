package org.saferpartnerships.platform.api;

import jakarta.validation.constraints.Positive;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How much of a service one client may take ({@link RateLimit}): a token bucket per client, refilled
 * at {@code requests-per-second} and holding at most {@code burst}. The defaults are far above what a
 * person or a dashboard sends, and well below what one runaway script could.
 */
@ConfigMapping(prefix = "csp.api.rate-limit")
public interface RateLimitConfig {

    /** Requests a second one client may keep up (env CSP_API_RATE_LIMIT_REQUESTS_PER_SECOND). */
    @WithDefault("50")
    @Positive
    long requestsPerSecond();

    /** Requests one client may send at once after a quiet spell (env CSP_API_RATE_LIMIT_BURST). */
    @WithDefault("100")
    @Positive
    long burst();

    /**
     * Clients remembered at most; a client idle until its bucket is full again is forgotten anyway,
     * losing nothing. Bounds the memory a flood of distinct clients can take.
     */
    @WithDefault("100000")
    @Positive
    long maxClients();

    /**
     * The open-data routes ({@code /police-uk/api/}), limited per address as data.police.uk limits
     * its users: 15 a second, bursts of 30 (env CSP_API_RATE_LIMIT_OPEN_DATA_REQUESTS_PER_SECOND, _BURST).
     */
    OpenData openData();

    interface OpenData {

        @WithDefault("15")
        @Positive
        long requestsPerSecond();

        @WithDefault("30")
        @Positive
        long burst();
    }
}
