package org.saferpartnerships.platform.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.platform.notes.NotesResource;
import org.saferpartnerships.testing.identity.TestTokens;

/**
 * What every answer tells a browser: do not sniff it, do not frame it, send no Referer from it, and
 * for the API, do not store it; failures say what went wrong without the server's insides; and only
 * the listed origins may read answers from a page of theirs.
 */
@QuarkusTest
class ResponseHeadersTest {

    private static final String DEAD_LETTERS = "/api/v1/admin/dead-letters";
    private static final String ADMIN = TestTokens.withRole(Roles.PLATFORM_ADMIN);
    private static final String WRITER = TestTokens.withRole(Roles.PARTNERSHIP_OFFICER);

    @Test
    void anApiAnswerIsNeitherSniffedFramedNorStored() {
        browserSafe(withToken(ADMIN).get(DEAD_LETTERS).then().statusCode(200))
                .header("Cache-Control", "no-store");
    }

    @Test
    void anApiRefusalCarriesTheSameHeaders() {
        browserSafe(given().get(DEAD_LETTERS).then().statusCode(401)).header("Cache-Control", "no-store");
        browserSafe(withToken(WRITER).get(DEAD_LETTERS).then().statusCode(403)).header("Cache-Control", "no-store");
        browserSafe(withToken(ADMIN).get("/api/v1/no-such-thing").then().statusCode(404))
                .header("Cache-Control", "no-store");
    }

    @Test
    void answersOutsideTheApiCarryThemToo() {
        browserSafe(jsonWithToken(WRITER).body(note("a note")).post("/notes").then().statusCode(201));
    }

    @Test
    void aFailureNamesNoClassAndShowsNoStack() {
        String body = jsonWithToken(WRITER).header(IdempotencyKeys.HEADER, UUID.randomUUID().toString())
                .body(note(NotesResource.UNWRITABLE_ANSWER)).post("/notes")
                .then().statusCode(500).contentType(HttpProblem.MEDIA_TYPE).body("status", equalTo(500))
                .extract().asString();
        assertThat(body, not(containsString("Exception")));
        assertThat(body, not(containsString("\tat ")));
        assertThat(body, not(containsString("org.saferpartnerships")));
    }

    @Test
    void anAnswerThatCannotBeWrittenIsTheServersFailureNotTheCallers() {
        jsonWithToken(WRITER).body(note(NotesResource.UNWRITABLE_ANSWER)).post("/notes")
                .then().statusCode(500).contentType(HttpProblem.MEDIA_TYPE).body("detail", nullValue());
    }

    @Test
    void onlyListedOriginsMayReadAnswers() {
        withToken(ADMIN).header("Origin", "http://localhost:3000").get(DEAD_LETTERS).then()
                .header("Access-Control-Allow-Origin", "http://localhost:3000");
        withToken(ADMIN).header("Origin", "https://attacker.example").get(DEAD_LETTERS).then()
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://attacker.example").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "Authorization").options(DEAD_LETTERS).then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    private static ValidatableResponse browserSafe(ValidatableResponse response) {
        return response.header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "frame-ancestors 'none'")
                .header("Referrer-Policy", "no-referrer");
    }

    private static String note(String text) {
        return """
                {"partnershipId": "headers-%s", "text": "%s"}""".formatted(UUID.randomUUID(), text);
    }
}
