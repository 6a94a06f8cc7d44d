package org.saferpartnerships.platform.identity;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;

/**
 * A production build refuses to start with token verification relaxed (OWASP API8): a setting meant
 * for a test or a quick try must not reach a deployment unnoticed. Tests trust a fixed test key,
 * which is why this runs in the prod profile only.
 */
@Singleton
@IfBuildProfile("prod")
class StrictTokenVerificationCheck {

    private static final Pattern TENANT_URL = Pattern.compile("quarkus\\.oidc\\.([^.\"]+|\"[^\"]+\")\\.auth-server-url");

    private final Config config;
    private final Set<String> plainHttpHosts;

    StrictTokenVerificationCheck(Config config,
            @ConfigProperty(name = "csp.identity.plain-http-hosts") Optional<List<String>> plainHttpHosts) {
        this.config = config;
        this.plainHttpHosts = Set.copyOf(plainHttpHosts.orElse(List.of()));
    }

    void refuseRelaxedVerification(@Observes StartupEvent start) {
        List<String> relaxations = StrictTokenVerification.relaxations(
                name -> config.getOptionalValue(name, String.class), tenants(), plainHttpHosts);
        if (!relaxations.isEmpty()) {
            throw new IllegalStateException("Token verification is relaxed, so the service does not start: "
                    + String.join("; ", relaxations));
        }
    }

    private Set<String> tenants() {
        Set<String> tenants = new HashSet<>();
        for (String name : config.getPropertyNames()) {
            Matcher tenant = TENANT_URL.matcher(name);
            if (tenant.matches()) {
                tenants.add(tenant.group(1));
            }
        }
        return tenants;
    }
}
