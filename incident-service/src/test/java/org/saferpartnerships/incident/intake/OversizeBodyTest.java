package org.saferpartnerships.incident.intake;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;

import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.saferpartnerships.testing.identity.TestTokens;

@QuarkusTest
class OversizeBodyTest {

    /** The platform's default limit on JSON bodies (csp.api.max-json-bytes). */
    private static final long MAX_JSON_BYTES = 16L * 1024 * 1024;

    @TestHTTPResource("/api/v1/incidents/batch")
    URL batch;

    @Test
    void anOversizeJsonBodyIsRefusedBeforeItIsRead() {
        char[] padding = new char[(int) MAX_JSON_BYTES + 10];
        Arrays.fill(padding, ' ');
        jsonWithToken(TestTokens.agencySubmitter("essex-police", "any")).body("[" + new String(padding) + "]")
                .when().post("/api/v1/incidents/batch")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("incident-imports"));
    }

    @Test
    void anOversizeBodyOfNoDeclaredTypeIsRefusedBeforeItIsRead() throws Exception {
        char[] padding = new char[(int) MAX_JSON_BYTES + 10];
        Arrays.fill(padding, ' ');
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(batch.toURI())
                .header("Authorization", "Bearer " + TestTokens.agencySubmitter("essex-police", "any"))
                .POST(HttpRequest.BodyPublishers.ofString("[" + new String(padding) + "]")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode(), equalTo(413));
        assertThat(response.headers().firstValue("Content-Type").orElse(""), containsString("problem+json"));
    }

    @Test
    void aChunkedJsonBodyIsRefusedOnceItPassesTheLimit() throws Exception {
        // Just past the limit, so the client has sent it all when the server answers.
        long size = MAX_JSON_BYTES + 10;
        InputStream body = new InputStream() {
            private long sent;

            @Override
            public int read() {
                return sent++ == 0 ? '[' : sent <= size ? ' ' : -1;
            }
        };
        // An InputStream body has no length, so the client sends it chunked.
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(batch.toURI())
                .header("Authorization", "Bearer " + TestTokens.agencySubmitter("essex-police", "any"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode(), equalTo(413));
        assertThat(response.body(), containsString("incident-imports"));
    }
}
