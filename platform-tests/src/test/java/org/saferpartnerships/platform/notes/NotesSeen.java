package org.saferpartnerships.platform.notes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.Blocking;

import org.saferpartnerships.platform.consumer.IdempotentConsumer;
import org.saferpartnerships.platform.consumer.IncomingEvent;
import org.saferpartnerships.platform.consumer.RedrivableConsumer;

/** The test application's consumer: a row in note_seen for every note event it applies. */
@ApplicationScoped
public class NotesSeen implements RedrivableConsumer {

    public static final String CONSUMER = "platform-tests.notes-seen";

    private final IdempotentConsumer idempotentConsumer;
    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    NotesSeen(IdempotentConsumer idempotentConsumer, AgroalDataSource dataSource, ObjectMapper json) {
        this.idempotentConsumer = idempotentConsumer;
        this.dataSource = dataSource;
        this.json = json;
    }

    @Incoming("notes")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return idempotentConsumer.applyOnce(CONSUMER, message, this::apply);
    }

    /** A note with this text makes its application deadlock {@code times} times before it goes through. */
    public static String deadlocks(int times) {
        return DEADLOCKS + times;
    }

    /** How often the consumer has tried to apply the note (counted for notes that deadlock). */
    public static int attempts(NoteWritten note) {
        return ATTEMPTS.getOrDefault(note.noteId(), new AtomicInteger()).get();
    }

    private static final String DEADLOCKS = "deadlocks ";
    private static final Map<UUID, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

    @Override
    public String channel() {
        return "notes";
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public void apply(IncomingEvent event) {
        NoteWritten note = event.dataAs(NoteWritten.class, json);
        if (note.text().startsWith(DEADLOCKS)) {
            int attempt = ATTEMPTS.computeIfAbsent(note.noteId(), id -> new AtomicInteger()).incrementAndGet();
            if (attempt <= Integer.parseInt(note.text().substring(DEADLOCKS.length()))) {
                // What PostgreSQL answers the loser of a deadlock, as the JDBC driver hands it on.
                throw new IllegalStateException(new SQLException("deadlock detected", "40P01"));
            }
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into note_seen (note_id, event_id) values (?, ?)")) {
            insert.setObject(1, note.noteId());
            insert.setString(2, event.id());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the note as seen", e);
        }
    }
}
