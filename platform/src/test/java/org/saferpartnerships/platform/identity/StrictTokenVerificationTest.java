package org.saferpartnerships.platform.identity;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class StrictTokenVerificationTest {

    /** The platform's settings as deploy/local runs them: Keycloak on loopback over HTTP. */
    private static Map<String, String> local() {
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.oidc.auth-server-url", "http://127.0.0.1:8180/realms/csp");
        config.put("quarkus.oidc.token.audience", "csp-api");
        return config;
    }

    private static List<String> relaxations(Map<String, String> config, String... plainHttpHosts) {
        return StrictTokenVerification.relaxations(name -> Optional.ofNullable(config.get(name)), Set.of(),
                Set.of(plainHttpHosts));
    }

    @Test
    void theLocalStackAndAProductionProviderAreStrict() {
        assertThat(relaxations(local()), empty());
        Map<String, String> production = local();
        production.put("quarkus.oidc.auth-server-url", "https://identity.example.gov.uk/realms/csp");
        production.put("quarkus.oidc.token.issuer", "https://identity.example.gov.uk/realms/csp");
        production.put("quarkus.oidc.token.lifespan-grace", "30");
        production.put("quarkus.oidc.tls.verification", "required");
        assertThat(relaxations(production), empty());
    }

    @Test
    void eachRelaxationIsNamed() {
        for (Map.Entry<String, String> relaxed : Map.of(
                "quarkus.oidc.tls.verification", "none",
                "quarkus.oidc.token.audience", "any",
                "quarkus.oidc.token.issuer", "any",
                "quarkus.oidc.public-key", "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA",
                "quarkus.oidc.auth-server-url", "http://identity.example.gov.uk/realms/csp",
                "quarkus.oidc.token.lifespan-grace", "3600").entrySet()) {
            Map<String, String> config = local();
            config.put(relaxed.getKey(), relaxed.getValue());
            assertThat(relaxed.getKey(), relaxations(config), contains(startsWith(relaxed.getKey())));
        }
    }

    @Test
    void anAudienceLeftOutIsARelaxationToo() {
        Map<String, String> config = local();
        config.remove("quarkus.oidc.token.audience");
        assertThat(relaxations(config), contains(startsWith("quarkus.oidc.token.audience is not set")));
        config.put("quarkus.oidc.token.audience", "csp-api,any");
        assertThat(relaxations(config), contains(startsWith("quarkus.oidc.token.audience=any")));
    }

    @Test
    void aGraceOfClockSkewIsAllowed() {
        Map<String, String> config = local();
        config.put("quarkus.oidc.token.lifespan-grace", String.valueOf(StrictTokenVerification.LONGEST_GRACE_SECONDS));
        assertThat(relaxations(config), empty());
        config.put("quarkus.oidc.token.lifespan-grace", String.valueOf(StrictTokenVerification.LONGEST_GRACE_SECONDS + 1));
        assertThat(relaxations(config), hasSize(1));
    }

    @Test
    void plainHttpOnlyToLoopbackOrADeclaredPrivateHost() {
        Map<String, String> config = local();
        config.put("quarkus.oidc.auth-server-url", "http://localhost:8180/realms/csp");
        assertThat(relaxations(config), empty());
        config.put("quarkus.oidc.auth-server-url", "http://keycloak:8080/realms/csp");
        assertThat(relaxations(config), hasSize(1));
        assertThat(relaxations(config, "keycloak"), empty());
    }

    @Test
    void aNamedTenantIsHeldToTheSameRules() {
        Map<String, String> config = local();
        config.put("quarkus.oidc.partners.auth-server-url", "https://partners.example.gov.uk/realms/csp");
        config.put("quarkus.oidc.partners.token.audience", "csp-api");
        config.put("quarkus.oidc.partners.tls.verification", "none");
        assertThat(StrictTokenVerification.relaxations(name -> Optional.ofNullable(config.get(name)),
                Set.of("partners"), Set.of()), contains(startsWith("quarkus.oidc.partners.tls.verification")));
    }
}
