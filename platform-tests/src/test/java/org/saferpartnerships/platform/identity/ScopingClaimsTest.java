package org.saferpartnerships.platform.identity;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.saferpartnerships.testing.api.Requests.withToken;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.saferpartnerships.platform.api.HttpProblem;
import org.saferpartnerships.testing.identity.TestTokens;

@QuarkusTest
class ScopingClaimsTest {

    private static final String DEAD_LETTERS = "/api/v1/admin/dead-letters";

    @Test
    void aCallerOfNoAgencyIsRefusedBeforeAnyOperationLooksAtTheToken() {
        String noAgency = TestTokens.forUser("no.agency").roles(Roles.ANALYST).agency(null).token();

        withToken(noAgency).get("/notes/" + java.util.UUID.randomUUID()).then().statusCode(403)
                .contentType(HttpProblem.MEDIA_TYPE).body("detail", containsString("names no agency"));
        withToken(TestTokens.forUser("with.agency").roles(Roles.ANALYST).token())
                .get("/notes/" + java.util.UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aCallerOfAnAgencyGoesOnToTheOperationsOwnChecks() {
        String analyst = TestTokens.forUser("an.analyst").roles(Roles.ANALYST).agency("essex-police").token();

        // Not a platform admin: the operation's own role check answers, not the scoping check.
        withToken(analyst).get(DEAD_LETTERS).then().statusCode(403).body("detail", org.hamcrest.Matchers.not(
                containsString("names no agency")));
    }

    @Test
    void aPlatformAdminNeedsNoAgency() {
        String admin = TestTokens.forUser("the.admin").roles(Roles.PLATFORM_ADMIN).agency(null).token();

        withToken(admin).get(DEAD_LETTERS).then().statusCode(equalTo(200));
    }
}
