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

    @POST
    public Response write(@NotNull @Valid NoteInput input) {
        NoteWritten note = notes.write(input.partnershipId(), input.text());
        return Response.created(URI.create("/notes/" + note.noteId())).entity(note).build();
    }
}
