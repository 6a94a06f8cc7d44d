package org.saferpartnerships.platform.identity;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Whether the OIDC settings of a deployment still verify tokens as the platform promises: the
 * provider's certificate, the audience {@code csp-api}, the issuer, the provider's published
 * (rotating) keys fetched over TLS, and expiry with no more than clock skew. Each setting that
 * relaxes one of these is named, so a production start can refuse it
 * ({@link StrictTokenVerificationCheck}); the decision itself is pure, for a plain test.
 */
public final class StrictTokenVerification {

    /** Clock skew allowed between the provider and the service; more lets expired tokens in. */
    public static final int LONGEST_GRACE_SECONDS = 60;

    private StrictTokenVerification() {
    }

    /**
     * The relaxations found, one sentence each; empty when verification is strict.
     *
     * @param config a configuration value by property name
     * @param tenants the named OIDC tenants besides the default one
     * @param plainHttpHosts identity-provider hosts the operator declared reachable only over a
     *        private network, which may be called over plain HTTP (a compose network's {@code keycloak})
     */
    public static List<String> relaxations(Function<String, Optional<String>> config, Set<String> tenants,
            Set<String> plainHttpHosts) {
        List<String> found = new ArrayList<>();
        List<String> prefixes = new ArrayList<>(List.of("quarkus.oidc."));
        tenants.stream().sorted().forEach(tenant -> prefixes.add("quarkus.oidc." + tenant + "."));
        for (String prefix : prefixes) {
            String verification = prefix + "tls.verification";
            if (config.apply(verification).filter("none"::equalsIgnoreCase).isPresent()) {
                found.add(verification + "=none: the identity provider's certificate is not checked");
            }
            String audience = prefix + "token.audience";
            List<String> audiences = config.apply(audience).map(StrictTokenVerification::list).orElse(List.of());
            if (audiences.isEmpty()) {
                found.add(audience + " is not set: a token issued for any client would be accepted");
            } else if (audiences.stream().anyMatch("any"::equalsIgnoreCase)) {
                found.add(audience + "=any: a token issued for any client would be accepted");
            }
            String issuer = prefix + "token.issuer";
            if (config.apply(issuer).filter("any"::equalsIgnoreCase).isPresent()) {
                found.add(issuer + "=any: a token from any issuer would be accepted");
            }
            String publicKey = prefix + "public-key";
            if (config.apply(publicKey).filter(key -> !key.isBlank()).isPresent()) {
                found.add(publicKey + " is set: tokens are checked against a fixed key, not the provider's "
                        + "published keys, so a revoked or rotated key stays trusted");
            }
            String url = prefix + "auth-server-url";
            config.apply(url).filter(value -> overPlainHttp(value, plainHttpHosts)).ifPresent(value -> found.add(
                    url + "=" + value + ": the provider's keys would be fetched over plain HTTP, which anyone on "
                            + "the way can replace (declare a host of a private network in csp.identity.plain-http-hosts)"));
            String grace = prefix + "token.lifespan-grace";
            config.apply(grace).map(String::trim).filter(value -> !value.isEmpty())
                    .filter(value -> seconds(value) > LONGEST_GRACE_SECONDS)
                    .ifPresent(value -> found.add(grace + "=" + value + ": expired tokens would be accepted for more "
                            + "than the " + LONGEST_GRACE_SECONDS + " s of clock skew allowed"));
        }
        return found;
    }

    private static boolean overPlainHttp(String url, Set<String> plainHttpHosts) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            // Not a URL: the OIDC extension itself refuses it.
            return false;
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            return false;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
                || host.equals("::1");
        return !loopback && plainHttpHosts.stream().noneMatch(host::equalsIgnoreCase);
    }

    private static long seconds(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            // Not a number: Quarkus refuses it at start anyway; here it is no allowance to judge.
            return 0;
        }
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
