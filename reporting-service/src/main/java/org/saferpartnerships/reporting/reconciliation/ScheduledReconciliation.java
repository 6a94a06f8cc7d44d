package org.saferpartnerships.reporting.reconciliation;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

import org.saferpartnerships.platform.lifecycle.ServiceLifecycle;

/**
 * Runs the reconciliation check every {@code csp.reconciliation.every}, signed in as
 * reporting-service's own service account (OAuth 2.0 client credentials), so that
 * {@code csp_reconciliation_differences} is current without anyone asking and can be alerted on.
 * Off while no client secret is configured: the service tests, or a stack whose realm was imported
 * before the client existed.
 */
@ApplicationScoped
public class ScheduledReconciliation {

    private final Reconciliation reconciliation;
    private final ServiceLifecycle lifecycle;
    private final ObjectMapper json;
    private final URI tokenEndpoint;
    private final String clientId;
    private final Optional<String> clientSecret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ScheduledReconciliation(Reconciliation reconciliation, ServiceLifecycle lifecycle, ObjectMapper json,
            @ConfigProperty(name = "csp.reconciliation.token-endpoint") URI tokenEndpoint,
            @ConfigProperty(name = "csp.reconciliation.client-id") String clientId,
            @ConfigProperty(name = "csp.reconciliation.client-secret") Optional<String> clientSecret) {
        this.reconciliation = reconciliation;
        this.lifecycle = lifecycle;
        this.json = json;
        this.tokenEndpoint = tokenEndpoint;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    @Scheduled(identity = "reconciliation", every = "${csp.reconciliation.every}",
            delayed = "${csp.reconciliation.first-after}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        if (clientSecret.isEmpty() || lifecycle.stopping()) {
            return;
        }
        try {
            reconciliation.check("Bearer " + token(clientSecret.get()));
        } catch (RuntimeException e) {
            // Counted as a failed check; the next one comes at the next interval.
            Log.warnf("Scheduled reconciliation did not run: %s", e.getMessage());
        }
    }

    private String token(String secret) {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                reconciliation.failed();
                throw new IllegalStateException("the token endpoint answered " + response.statusCode());
            }
            return json.readTree(response.body()).path("access_token").asText();
        } catch (IOException e) {
            reconciliation.failed();
            throw new IllegalStateException("no token from " + tokenEndpoint + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking for a token", e);
        }
    }
}
