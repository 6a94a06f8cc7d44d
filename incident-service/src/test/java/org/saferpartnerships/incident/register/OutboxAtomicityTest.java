package org.saferpartnerships.incident.register;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.saferpartnerships.incident.Directory;
import org.saferpartnerships.platform.events.Topics;
import org.saferpartnerships.testing.kafka.TestKafka;

/**
 * The outbox's promise: an incident and its event commit together or not at all. An event
 * appended in a transaction of its own, or on a connection the business transaction does not
 * hold, would survive this rollback and be published (and at once deleted from the outbox, so
 * Kafka is where it would show).
 */
@QuarkusTest
class OutboxAtomicityTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IncidentRegister register;

    @Inject
    ObjectMapper json;

    @Test
    void anIncidentAndItsEventAreRolledBackTogether() throws Exception {
        String[] created = Directory.partnership(dataSource);
        Directory.member(dataSource, "essex-police", created[0], "2019-04-01", null);
        Submitter police = new Submitter("essex-police", Set.of(created[0]));
        String ref = "ATOM-" + UUID.randomUUID();
        IncidentInput incident = incident(ref, created[1]);

        QuarkusTransaction.begin();
        try {
            Registration registration = register.register(police, null, List.of(incident),
                    IncidentRegister.OnChangedContent.REFUSE).get(0);
            assertThat(registration.outcome(), equalTo(Registration.Outcome.CREATED));
            // Within the transaction both are there: the test would pass for a register that wrote nothing.
            assertThat(stored(ref), equalTo(1L));
            assertThat(events(ref), equalTo(1L));
        } finally {
            QuarkusTransaction.rollback();
        }

        assertThat(stored(ref), equalTo(0L));
        assertThat(events(ref), equalTo(0L));

        // Same partnership, same key and partition: a surviving event would come before this one.
        String later = "ATOM-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> register.register(police, null,
                List.of(incident(later, created[1])), IncidentRegister.OnChangedContent.REFUSE));
        List<ConsumerRecord<String, String>> published = TestKafka.awaitRecords(Topics.INCIDENT_EVENTS,
                r -> created[0].equals(r.key()), Duration.ofSeconds(30));
        assertThat(published.stream().map(r -> new JsonPath(r.value()).getString("incident.externalRef")).toList(),
                contains(later));
    }

    private IncidentInput incident(String ref, String district) {
        try {
            return json.readValue("""
                    {"externalRef": "%s", "category": "drugs", "occurredMonth": "2018-03", "districtCode": "%s"}"""
                    .formatted(ref, district), IncidentInput.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private long stored(String ref) throws SQLException {
        return Directory.count(dataSource, "select count(*) from incident where external_ref = ?", ref);
    }

    private long events(String ref) throws SQLException {
        return Directory.count(dataSource, "select count(*) from outbox_event where payload::text like '%' || ? || '%'", ref);
    }
}
