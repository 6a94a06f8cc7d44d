package org.saferpartnerships.platform.notes;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;

import org.saferpartnerships.platform.audit.AuditTrail;
import org.saferpartnerships.platform.audit.Audited;
import org.saferpartnerships.platform.domain.NoSuchRecord;
import org.saferpartnerships.platform.domain.NotPermitted;
import org.saferpartnerships.platform.identity.Caller;

/**
 * The test application's endpoints: write a note; read a partnership's notes, or one, as a
 * service reads records (a note of a partnership not in the caller's token is not found).
 */
@Path("/notes")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Audited(value = "note", id = "noteId")
public class NotesResource {

    public record NoteInput(@NotBlank String partnershipId, @NotBlank String text) {
    }

    private final Notes notes;
    private final Caller caller;
    private final AuditTrail audit;

    NotesResource(Notes notes, Caller caller, AuditTrail audit) {
        this.notes = notes;
        this.caller = caller;
        this.audit = audit;
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

    @GET
    public List<NoteWritten> list(@QueryParam("partnershipId") @NotBlank String partnershipId) {
        if (!caller.mayActFor(partnershipId)) {
            throw new NotPermitted("Only members of " + partnershipId + " read its notes");
        }
        List<NoteWritten> found = notes.of(partnershipId);
        audit.records(found.stream().map(NoteWritten::noteId).toList());
        return found;
    }

    @GET
    @Path("{noteId}")
    public NoteWritten read(@PathParam("noteId") UUID noteId) {
        return notes.find(noteId).filter(note -> caller.mayActFor(note.partnershipId()))
                .orElseThrow(() -> new NoSuchRecord("No note " + noteId));
    }
}
