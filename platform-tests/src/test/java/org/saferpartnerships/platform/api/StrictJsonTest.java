package org.saferpartnerships.platform.api;

import static org.hamcrest.Matchers.containsString;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.testing.identity.TestTokens;

/** A value of the wrong JSON type is refused, not converted into something nobody sent. */
@QuarkusTest
class StrictJsonTest {

    private static final String WRITER = TestTokens.withRole(Roles.PARTNERSHIP_OFFICER, "strict-csp");

    @Test
    void aNumberOrABooleanForATextIsRefused() {
        for (String text : new String[] { "12345", "1.5", "true", "{\"x\": 1}" }) {
            jsonWithToken(WRITER).body("{\"partnershipId\": \"strict-csp\", \"text\": " + text + "}").post("/notes")
                    .then().statusCode(400).contentType(HttpProblem.MEDIA_TYPE).body("detail", containsString("text"));
        }
    }

    @Test
    void theRightTypesAreTaken() {
        jsonWithToken(WRITER).body("{\"partnershipId\": \"strict-csp\", \"text\": \"a note\"}").post("/notes")
                .then().statusCode(201);
    }
}
