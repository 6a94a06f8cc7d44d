package org.saferpartnerships.platform.notes;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;

/** The test application's one endpoint: write a note. */
@Path("/notes")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class NotesResource {

    public record NoteInput(@NotBlank String partnershipId, @NotBlank String text) {
    }

    private final Notes notes;

    NotesResource(Notes notes) {
        this.notes = notes;
    }

    /** The text that makes the answer one JSON cannot be written from, after the note was written. */
    public static final String UNWRITABLE_ANSWER = "this note's answer cannot be written as JSON";

    /** An answer Jackson fails on: its one property cannot be read. */
    public record Unwritable(NoteWritten note) {
        @Override
        public NoteWritten note() {
            throw new IllegalStateException("this answer cannot be written");
        }
    }

    @POST
    public Response write(@NotNull @Valid NoteInput input) {
        NoteWritten note = notes.write(input.partnershipId(), input.text());
        Object answer = UNWRITABLE_ANSWER.equals(input.text()) ? new Unwritable(note) : note;
        return Response.created(URI.create("/notes/" + note.noteId())).entity(answer).build();
    }
}
