package org.saferpartnerships.platform.notes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.Blocking;

import org.saferpartnerships.platform.consumer.IdempotentConsumer;
import org.saferpartnerships.platform.consumer.IncomingEvent;

/** The test application's consumer: a row in note_seen for every note event it applies. */
@ApplicationScoped
public class NotesSeen {

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

    private void apply(IncomingEvent event) {
        NoteWritten note = event.dataAs(NoteWritten.class, json);
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
