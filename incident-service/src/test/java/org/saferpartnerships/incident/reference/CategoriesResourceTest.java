package org.saferpartnerships.incident.reference;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.saferpartnerships.testing.api.Requests.withToken;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.testing.identity.TestTokens;

@QuarkusTest
class CategoriesResourceTest {

    @Test
    void everyoneSignedInGetsTheVocabulariesWithDisplayNames() {
        withToken(TestTokens.withRole(Roles.VIEWER)).when().get("/api/v1/categories")
                .then().statusCode(200)
                .body("categories", hasSize(14))
                .body("categories.displayName", hasItem("Violence and sexual offences"))
                .body("asbTypes.slug", hasItem("environmental"))
                .body("flags.slug", hasItem("county-lines"))
                .body("outcomes.displayName", hasItem("Investigation complete; no suspect identified"))
                .body("enforcementActions.displayName", hasItem("Community Protection Notice"));
        given().when().get("/api/v1/categories").then().statusCode(401);
    }
}
