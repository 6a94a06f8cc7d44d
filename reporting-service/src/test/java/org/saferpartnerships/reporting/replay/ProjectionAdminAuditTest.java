package org.saferpartnerships.reporting.replay;

import static org.hamcrest.Matchers.contains;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.testing.identity.TestTokens;

/** Asking for a rebuild is audited as one, refused or not. */
@QuarkusTest
class ProjectionAdminAuditTest {

    @Test
    void aRebuildAskedForWithoutTheRoleIsAuditedAsARefusedRebuild() {
        String subject = UUID.randomUUID().toString();
        String analyst = TestTokens.forUser("an.analyst").subject(subject).roles(Roles.ANALYST).token();

        withToken(analyst).when().post("/api/v1/admin/projections/rebuild").then().statusCode(403);

        withToken(TestTokens.withRole(Roles.PLATFORM_ADMIN)).queryParam("subject", subject)
                .when().get("/api/v1/admin/audit").then().statusCode(200)
                .body("entries.action", contains("rebuild")).body("entries.recordType", contains("projection"))
                .body("entries.outcome", contains("refused")).body("entries.status", contains(403));
    }
}
