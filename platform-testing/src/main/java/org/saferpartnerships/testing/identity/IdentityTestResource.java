package org.saferpartnerships.testing.identity;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Makes the service under test verify tokens locally against the test key instead of fetching
 * Keycloak's keys: signature, expiry, issuer and audience are still checked, as in production.
 */
public class IdentityTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.oidc.public-key", TestTokens.pemBody("test-token-verification-key.pem"),
                "quarkus.oidc.token.issuer", TestTokens.ISSUER);
    }

    @Override
    public void stop() {
        // Nothing runs.
    }
}
