package org.saferpartnerships.incident.register;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import org.saferpartnerships.incident.Directory;

/**
 * The outbox's promise: an incident and its event commit together or not at all. An event
 * appended in a transaction of its own, or on a connection the business transaction does not
 * hold, would survive this rollback.
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
        IncidentInput incident = json.readValue("""
                {"externalRef": "%s", "category": "drugs", "occurredMonth": "2018-03", "districtCode": "%s"}"""
                .formatted(ref, created[1]), IncidentInput.class);

        QuarkusTransaction.begin();
        try {
            Registration registration = register.register(police, List.of(incident),
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
    }

    private long stored(String ref) throws SQLException {
        return Directory.count(dataSource, "select count(*) from incident where external_ref = ?", ref);
    }

    private long events(String ref) throws SQLException {
        return Directory.count(dataSource, "select count(*) from outbox_event where payload::text like '%' || ? || '%'", ref);
    }
}
