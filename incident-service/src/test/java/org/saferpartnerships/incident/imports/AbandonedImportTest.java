package org.saferpartnerships.incident.imports;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import org.saferpartnerships.testing.identity.TestTokens;

/** Several instances share the import table; each vouches only for the imports it holds. */
@QuarkusTest
class AbandonedImportTest {

    private static final String AGENCY = "essex-police";

    @Inject
    IncidentImportJob job;

    @Test
    void anImportWhoseInstanceStoppedIsFailedAndLiveOnesAreLeftAlone() {
        UUID departed = unfinished("an-instance-that-stopped", Duration.ofMinutes(10));
        UUID elsewhere = unfinished("another-live-instance", Duration.ZERO);
        UUID mine = unfinished(job.worker(), Duration.ofMinutes(10));

        job.vouchForUnfinishedImports();
        job.failAbandonedImports();

        String submitter = TestTokens.agencySubmitter(AGENCY, "any");
        withToken(submitter).get("/api/v1/incident-imports/" + departed)
                .then().statusCode(200).body("status", equalTo("failed"))
                .body("failure", containsString("post the file again"));
        withToken(submitter).get("/api/v1/incident-imports/" + elsewhere)
                .then().statusCode(200).body("status", equalTo("running")).body("failure", nullValue());
        withToken(submitter).get("/api/v1/incident-imports/" + mine)
                .then().statusCode(200).body("status", equalTo("running")).body("failure", nullValue());
    }

    private static UUID unfinished(String worker, Duration silentFor) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            IncidentImport running = new IncidentImport();
            running.id = id;
            running.agencyId = AGENCY;
            running.allowedPartnerships = List.of("any");
            running.status = IncidentImport.Status.RUNNING;
            running.receivedAt = Instant.now().minus(silentFor).truncatedTo(ChronoUnit.MICROS);
            running.worker = worker;
            running.heardAt = running.receivedAt;
            running.persist();
        });
        return id;
    }
}
