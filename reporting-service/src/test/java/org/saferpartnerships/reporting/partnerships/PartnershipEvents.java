package org.saferpartnerships.reporting.partnerships;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.agroal.api.AgroalDataSource;

import org.saferpartnerships.platform.events.Topics;
import org.saferpartnerships.platform.events.partnership.PartnershipEvent;
import org.saferpartnerships.reporting.directory.PartnershipEventsConsumer;
import org.saferpartnerships.testing.kafka.TestKafka;

/**
 * Publishes partnership events as partnership-service's outbox relay does, and waits until the
 * consumer has applied them: an event older than the version kept changes nothing, so only its
 * applied-event record shows that it has been through.
 */
public final class PartnershipEvents {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private PartnershipEvents() {
    }

    /** Sends the events in order through one producer and waits until every one has been applied. */
    public static void publishAndAwait(AgroalDataSource dataSource, List<PartnershipEvent> events) {
        List<String> ids = new ArrayList<>();
        List<TestKafka.Outgoing> records = new ArrayList<>();
        for (PartnershipEvent event : events) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            records.add(new TestKafka.Outgoing(event.partnershipId(), json(event), Map.of("ce_specversion", "1.0",
                    "ce_id", id, "ce_type", event.eventType(), "ce_source", "/partnership-service",
                    "ce_subject", event.subject(), "ce_time", "2022-04-01T09:00:00Z",
                    "content-type", "application/json")));
        }
        TestKafka.sendAll(Topics.PARTNERSHIP_EVENTS, records);
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(dataSource, ids), equalTo((long) ids.size()));
    }

    private static long applied(AgroalDataSource dataSource, List<String> ids) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "select count(*) from consumed_event where consumer = ? and event_id = any(?)")) {
            count.setString(1, PartnershipEventsConsumer.CONSUMER);
            count.setArray(2, connection.createArrayOf("text", ids.toArray()));
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static String json(PartnershipEvent event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write " + event, e);
        }
    }
}
