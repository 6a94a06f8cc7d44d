package org.saferpartnerships.reporting.reconciliation;

import static org.hamcrest.Matchers.containsString;
import static org.saferpartnerships.testing.api.Requests.withToken;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.testing.identity.TestTokens;

/**
 * The check's wiring; the comparison itself is {@link ReconciliationDifferencesTest}, and the
 * whole, against a running incident-service, the end-to-end fault suite.
 */
@QuarkusTest
class ReconciliationResourceTest {

    private static final String RECONCILIATION = "/api/v1/admin/reconciliation";

    @Test
    void whenIncidentServiceDoesNotAnswerNothingIsComparedAndTheAdminIsToldSo() {
        withToken(TestTokens.forUser("reconcile-admin").roles(Roles.PLATFORM_ADMIN).token()).get(RECONCILIATION)
                .then().statusCode(503).header("Retry-After", "30")
                .body("detail", containsString("incident-service did not answer"));
    }

    @Test
    void onlyAPlatformAdminMayReconcile() {
        withToken(TestTokens.forUser("reconcile-analyst").roles(Roles.ANALYST).token()).get(RECONCILIATION)
                .then().statusCode(403);
    }
}
