package org.saferpartnerships.incident.intake;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;

import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import org.saferpartnerships.incident.Directory;
import org.saferpartnerships.testing.identity.TestTokens;

@QuarkusTest
@TestProfile(IntakeCapacityTest.OneWriterAtATime.class)
class IntakeCapacityTest {

    public static class OneWriterAtATime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("csp.intake.concurrent-writes", "1", "csp.intake.write-patience", "200ms");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IntakeCapacity capacity;

    @Test
    void aPostingThatGetsNoTurnIsToldWhenToComeBackAndStoresNothing() throws Exception {
        String[] created = Directory.partnership(dataSource);
        Directory.member(dataSource, "essex-police", created[0], "2019-04-01", null);
        String police = TestTokens.agencySubmitter("essex-police", created[0]);
        String prefix = "CAP-" + UUID.randomUUID() + "-";
        String batch = "[" + incident(prefix + "1", created[1]) + "," + incident(prefix + "2", created[1]) + "]";

        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Void> otherPosting = CompletableFuture.runAsync(() -> capacity.admit(() -> {
            writing.countDown();
            try {
                return finish.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }));
        assertThat(writing.await(10, TimeUnit.SECONDS), equalTo(true));
        try {
            jsonWithToken(police).body(batch)
                    .when().post("/api/v1/incidents/batch")
                    .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "2")
                    .body("detail", containsString("Too many incident postings"));
            jsonWithToken(police).body(incident(prefix + "1", created[1]))
                    .when().post("/api/v1/incidents")
                    .then().statusCode(503).header("Retry-After", "2");
            assertThat(stored(prefix), equalTo(0L));
        } finally {
            finish.countDown();
            otherPosting.get(10, TimeUnit.SECONDS);
        }

        jsonWithToken(police).body(batch)
                .when().post("/api/v1/incidents/batch")
                .then().statusCode(200).body("created", equalTo(2));
        assertThat(stored(prefix), equalTo(2L));
    }

    private long stored(String prefix) throws SQLException {
        return Directory.count(dataSource, "select count(*) from incident where external_ref like ?", prefix + "%");
    }

    private static String incident(String ref, String district) {
        return """
                {"externalRef": "%s", "category": "drugs", "occurredMonth": "2018-03", "districtCode": "%s"}"""
                .formatted(ref, district);
    }
}
