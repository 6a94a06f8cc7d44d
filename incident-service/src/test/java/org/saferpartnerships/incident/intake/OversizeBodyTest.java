package org.saferpartnerships.incident.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.saferpartnerships.testing.identity.TestTokens;

@QuarkusTest
class OversizeBodyTest {

    @Test
    void anOversizeJsonBodyIsRefusedBeforeItIsRead() {
        char[] padding = new char[(int) JsonBodyLimit.MAX_JSON_BYTES + 10];
        Arrays.fill(padding, ' ');
        given().auth().oauth2(TestTokens.agencySubmitter("essex-police", "any"))
                .contentType(ContentType.JSON).body("[" + new String(padding) + "]")
                .when().post("/api/v1/incidents/batch")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("incident-imports"));
    }
}
