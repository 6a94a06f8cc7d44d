package org.saferpartnerships.platform.api;

import static org.hamcrest.Matchers.containsString;
import static org.saferpartnerships.testing.api.Requests.withToken;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.testing.identity.TestTokens;

/** A parameter that is not of its type is the caller's mistake (400), not a route that does not exist (404). */
@QuarkusTest
class ParameterTypesTest {

    private static final String READER = TestTokens.withRole(Roles.PARTNERSHIP_OFFICER, "types-csp");

    @Test
    void aMalformedIdIsABadRequestThatSaysWhy() {
        withToken(READER).get("/notes/not-a-uuid").then().statusCode(400).contentType(HttpProblem.MEDIA_TYPE)
                .body("detail", containsString("not of its type")).body("detail", containsString("not-a-uuid"));
    }

    @Test
    void aRouteThatDoesNotExistIsStillNotFound() {
        withToken(READER).get("/notes/3f1c7a2e-0b4d-4c5e-9f6a-7b8c9d0e1f2a/nothing-here").then().statusCode(404);
    }
}
