package org.saferpartnerships.platform.notes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;

import org.saferpartnerships.platform.outbox.Outbox;

/** Writes a note and its event in one transaction, as a service writes a record; reads notes. */
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

    /** The partnership's notes, by id. */
    public List<NoteWritten> of(String partnershipId) {
        return select("select id, partnership_id, text from note where partnership_id = ? order by id", partnershipId);
    }

    public Optional<NoteWritten> find(UUID id) {
        return select("select id, partnership_id, text from note where id = ?", id).stream().findFirst();
    }

    private List<NoteWritten> select(String sql, Object parameter) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, parameter);
            List<NoteWritten> found = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.add(new NoteWritten(row.getObject(1, UUID.class), row.getString(2), row.getString(3)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read notes", e);
        }
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
