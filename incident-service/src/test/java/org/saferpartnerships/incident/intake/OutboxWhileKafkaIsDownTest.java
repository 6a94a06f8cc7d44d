package org.saferpartnerships.incident.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import org.saferpartnerships.testing.identity.IdentityTestResource;
import org.saferpartnerships.testing.identity.TestTokens;
import org.saferpartnerships.testing.postgres.PostgresTestResource;

/** Intake must not depend on Kafka being up: the event waits in the outbox. */
@QuarkusTest
@TestProfile(OutboxWhileKafkaIsDownTest.KafkaUnreachable.class)
class OutboxWhileKafkaIsDownTest {

    /** The service's usual resources except the broker: Kafka is configured where nothing listens. */
    public static class KafkaUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.bootstrap.servers", "127.0.0.1:9");
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PostgresTestResource.class, Map.of("database", "incident")),
                    new TestResourceEntry(IdentityTestResource.class));
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    /** With Kafka away no partnership event can arrive: the replica is seeded as those events would have. */
    @BeforeEach
    void aPartnershipInTheReplica() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("insert into partnership_replica values ('kafka-down-csp', 'Kafka down CSP', 0) "
                    + "on conflict do nothing");
            statement.execute("insert into district_replica values ('E07000074', 'kafka-down-csp') on conflict do nothing");
            statement.execute("insert into membership_replica values (gen_random_uuid(), 'kafka-down-csp', "
                    + "'essex-police', '2019-04-01', null, 0)");
        }
    }

    @Test
    void incidentsAreAcceptedAndTheirEventsStayPending() {
        String ref = "EP-" + UUID.randomUUID();
        String id = jsonWithToken(TestTokens.agencySubmitter("essex-police", "kafka-down-csp")).body("""
                        {"externalRef": "%s", "category": "drugs", "occurredOn": "2024-05-18",
                         "districtCode": "E07000074"}""".formatted(ref))
                .when().post("/api/v1/incidents")
                .then().statusCode(201).extract().path("id");

        // The relay ticks every 0.5 s: over several ticks the event must neither vanish nor be marked sent.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> pendingEventsAbout(id), equalTo(1L));
        given().when().get(metrics).then().statusCode(200)
                .body(matchesPattern("(?s).*\\ncsp_outbox_pending(\\{[^}]*})? [1-9][0-9.E]*\\n.*"));
    }

    private long pendingEventsAbout(String subject) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select count(*) from outbox_event where subject = ?")) {
            query.setString(1, subject);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
