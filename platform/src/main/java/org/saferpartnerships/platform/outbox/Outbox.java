package org.saferpartnerships.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;

import org.saferpartnerships.platform.audit.AuditTrail;
import org.saferpartnerships.platform.events.DomainEvent;
import org.saferpartnerships.platform.persistence.TimeOrderedIds;

/**
 * Writes events into the {@code outbox_event} table inside the caller's transaction, so a state
 * change and its event commit or roll back together; the commit wakes {@link OutboxRelay}, which
 * publishes them.
 */
@ApplicationScoped
public class Outbox {

    /**
     * One statement for any number of events: a JDBC batch costs the server one execution per row,
     * which made the outbox the slowest part of a bulk import. Ids follow the list's order, so
     * events of one key keep the order they were appended in.
     */
    private static final String INSERT = """
            insert into outbox_event (event_id, topic, event_key, event_type, subject, occurred_at, payload,
                traceparent, tracestate)
            select e.event_id, e.topic, e.event_key, e.event_type, e.subject, ?, e.payload, ?, ?
            from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                with ordinality as e(event_id, topic, event_key, event_type, subject, payload, position)
            order by e.position""";

    /** W3C Trace Context field names, used as Kafka header names as SmallRye's Kafka tracing reads them. */
    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";

    /** Well below Kafka's default 1 MB record limit, leaving room for multi-byte characters and headers. */
    static final int MAX_PAYLOAD_CHARS = 256 * 1024;

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    Outbox(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(DomainEvent event) {
        appendAll(List.of(event));
    }

    /** Appends events in one statement, so a bulk intake costs one round trip, not one per event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(Collection<? extends DomainEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        // The trace of the request (or job) making the change travels with its events.
        Map<String, String> trace = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), trace, Map::put);
        // The JTA transaction hands out the connection Hibernate uses, so these rows commit with the change.
        try (Connection connection = dataSource.getConnection()) {
            lockKeys(connection, events);
            int size = events.size();
            Object[] ids = new Object[size];
            Object[][] columns = new Object[5][size];
            int index = 0;
            for (DomainEvent event : events) {
                String payload = json.writeValueAsString(event);
                if (payload.length() > MAX_PAYLOAD_CHARS) {
                    // Kafka refuses records over 1 MB; one such event would block every later one.
                    throw new EventTooLarge(payload.length());
                }
                ids[index] = TimeOrderedIds.next();
                columns[0][index] = event.topic();
                columns[1][index] = event.partnershipId();
                columns[2][index] = event.eventType();
                columns[3][index] = event.subject();
                columns[4][index] = payload;
                index++;
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setTimestamp(1, now);
                insert.setString(2, trace.get(TRACEPARENT));
                insert.setString(3, trace.get(TRACESTATE));
                insert.setArray(4, connection.createArrayOf("uuid", ids));
                for (int column = 0; column < columns.length; column++) {
                    insert.setArray(5 + column, connection.createArrayOf("text", columns[column]));
                }
                insert.executeUpdate();
            }
            // PostgreSQL delivers this to the relay's listener when the transaction commits, and
            // drops it on rollback, so the relay wakes exactly when these rows become visible.
            try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, '')")) {
                notify.setString(1, OutboxRelay.CHANNEL);
                notify.execute();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write to the outbox", e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event cannot be serialised: " + e.getOriginalMessage(), e);
        }
        // Every change publishes its events, so their subjects are the records a request changed; their
        // audit entry is written in this transaction, and a change whose entry cannot be written fails.
        AuditTrail.ofCurrentRequest()
                .ifPresent(trail -> trail.records(events.stream().map(DomainEvent::subject).toList()));
    }

    /**
     * Serialises writers per partnership until commit, so that for one key the order of outbox ids
     * is the order of commits, and the relay (which sends by id) never overtakes an earlier event.
     * Keys are locked in sorted order so two writers cannot deadlock.
     */
    private static void lockKeys(Connection connection, Collection<? extends DomainEvent> events) throws SQLException {
        List<String> keys = events.stream().map(DomainEvent::partnershipId).distinct().sorted().toList();
        try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(hashtext('outbox:' || ?))")) {
            for (String key : keys) {
                lock.setString(1, key);
                lock.execute();
            }
        }
    }
}
