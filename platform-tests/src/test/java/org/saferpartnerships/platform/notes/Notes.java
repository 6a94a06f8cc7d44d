package org.saferpartnerships.platform.notes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;

import org.saferpartnerships.platform.outbox.Outbox;

/** Writes a note and its event in one transaction, as a service writes a record. */
@ApplicationScoped
public class Notes {

    /** The text that makes the change fail after its event was appended, so the transaction rolls back. */
    public static final String FAILS = "this change fails after its event is appended";
    /** The text that makes the note's event go to a topic Kafka refuses. */
    public static final String MISROUTED = "this note's event goes to a topic Kafka refuses";

    private final AgroalDataSource dataSource;
    private final Outbox outbox;

    Notes(AgroalDataSource dataSource, Outbox outbox) {
        this.dataSource = dataSource;
        this.outbox = outbox;
    }

    @Transactional
    public NoteWritten write(String partnershipId, String text) {
        NoteWritten note = new NoteWritten(UUID.randomUUID(), partnershipId, text);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into note (id, partnership_id, text) values (?, ?, ?)")) {
            insert.setObject(1, note.noteId());
            insert.setString(2, partnershipId);
            insert.setString(3, text);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the note", e);
        }
        outbox.append(MISROUTED.equals(text) ? new NoteMisrouted(note.noteId(), partnershipId) : note);
        if (FAILS.equals(text)) {
            throw new IllegalStateException(FAILS);
        }
        return note;
    }
}
