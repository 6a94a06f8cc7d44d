package org.saferpartnerships.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Raw HTTP as an attacker sends it: any method, any header, a body with or without a type, chunked
 * or not. A 429 is waited out as its Retry-After says (a well-behaved client), except where the
 * rate limit itself is under test, and except a wait of more than a minute (a daily quota), which
 * such a client reports rather than sits out.
 */
final class Http {

    record Answer(String method, String url, int status, HttpHeaders headers, String body) {

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        String contentType() {
            return header("Content-Type").orElse("");
        }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private static final Duration LONGEST_WAIT = Duration.ofMinutes(1);

    private Http() {
    }

    static Answer send(String method, String url, String token, Map<String, String> headers,
            HttpRequest.BodyPublisher body) {
        for (int attempt = 0;; attempt++) {
            Answer answer = sendOnce(method, url, token, headers, body);
            if (answer.status() != 429 || attempt == 20) {
                return answer;
            }
            long seconds = answer.header("Retry-After").map(Long::parseLong).orElse(1L);
            if (seconds > LONGEST_WAIT.toSeconds()) {
                return answer;
            }
            pause(Duration.ofSeconds(Math.max(1, seconds)));
        }
    }

    static Answer get(String url, String token) {
        return send("GET", url, token, Map.of(), HttpRequest.BodyPublishers.noBody());
    }

    static Answer json(String method, String url, String token, String json) {
        return send(method, url, token, Map.of("Content-Type", "application/json"),
                HttpRequest.BodyPublishers.ofString(json));
    }

    static Answer sendOnce(String method, String url, String token, Map<String, String> headers,
            HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .method(method, body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (headers.containsKey("Expect")) {
            request.expectContinue(true);
        }
        headers.entrySet().stream().filter(h -> !h.getKey().equals("Expect"))
                .forEach(h -> request.header(h.getKey(), h.getValue()));
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(method, url, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A client's back-off, as the server asked for; not a wait for an asynchronous result. */
    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
