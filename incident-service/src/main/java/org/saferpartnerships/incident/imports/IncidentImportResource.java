package org.saferpartnerships.incident.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;

import org.saferpartnerships.incident.register.Submitter;
import org.saferpartnerships.platform.admission.ServiceBusyException;
import org.saferpartnerships.platform.api.HttpProblem;
import org.saferpartnerships.platform.audit.AuditTrail;
import org.saferpartnerships.platform.audit.Audited;
import org.saferpartnerships.platform.events.incident.IncidentSnapshot;
import org.saferpartnerships.platform.identity.Caller;
import org.saferpartnerships.platform.identity.Roles;

@jakarta.ws.rs.Path("/api/v1/incident-imports")
@Tag(name = "Incident imports", description = "data.police.uk street-level CSV files, imported in the background")
@Produces(MediaType.APPLICATION_JSON)
@Audited(value = "incident-import", id = "id")
public class IncidentImportResource {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(60);

    private final Caller caller;
    private final ImportConfig config;
    private final IncidentImportJob job;
    private final AuditTrail audit;

    IncidentImportResource(Caller caller, ImportConfig config, IncidentImportJob job, AuditTrail audit) {
        this.caller = caller;
        this.config = config;
        this.job = job;
        this.audit = audit;
    }

    @POST
    @Blocking
    @Consumes({ "text/csv", "application/csv" })
    @RolesAllowed(Roles.AGENCY_SUBMITTER)
    @Operation(summary = "Import a data.police.uk street-level file", description = "The body is the CSV file, "
            + "header included. It is checked, streamed to disk (never held in memory) and imported in the "
            + "background; follow the import at the returned Location. Rows in districts of partnerships the "
            + "agency is not a current member of are counted, not stored. Importing a file again creates nothing new. "
            + "With publication=data.police.uk the file is a data.police.uk publication (Open Government Licence "
            + "v3.0) and the records it creates are open data; without it the file is the agency's own copy and "
            + "they are not. A record keeps the mark it was created with, whatever later imports say.")
    @APIResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = IncidentImportView.class)))
    @APIResponse(responseCode = "400", description = "Not a data.police.uk street-level file (wrong header), or "
            + "a publication other than data.police.uk")
    @APIResponse(responseCode = "413", description = "Larger than the service takes")
    @APIResponse(responseCode = "503", description = "Too many imports waiting, or their files fill the spool "
            + "disk; post again after the Retry-After seconds")
    public Response receive(@Parameter(description = "data.police.uk when the file is as data.police.uk published "
            + "it, open data; leave it out for the agency's own copy", schema = @Schema(type = SchemaType.STRING,
                    enumeration = IncidentSnapshot.DATA_POLICE_UK)) @QueryParam("publication") String publication,
            InputStream body) throws IOException {
        Submitter submitter = Submitter.of(caller);
        if (publication != null && !IncidentSnapshot.DATA_POLICE_UK.equals(publication)) {
            throw HttpProblem.valueOf(Response.Status.BAD_REQUEST, "publication may only be "
                    + IncidentSnapshot.DATA_POLICE_UK + " (a data.police.uk file), or left out for the agency's "
                    + "own copy");
        }
        if (!job.reservePlace()) {
            throw busy("This instance already holds " + config.maxQueued() + " imports; post the file again later");
        }
        Spooled file = null;
        IncidentImport received;
        try {
            file = spool(body);
            received = QuarkusTransaction.requiringNew().call(() -> {
                IncidentImport i = new IncidentImport();
                i.id = UUID.randomUUID();
                i.agencyId = submitter.agencyId();
                i.publication = publication;
                i.allowedPartnerships = List.copyOf(submitter.partnerships());
                i.status = IncidentImport.Status.QUEUED;
                i.receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                i.worker = job.worker();
                i.heardAt = i.receivedAt;
                i.persist();
                // The import's audit entry commits with it; the rows it stores are this import's.
                audit.record(i.id);
                return i;
            });
        } catch (IOException | RuntimeException e) {
            job.releasePlace();
            if (file != null) {
                job.releaseSpool(file.bytes());
                Files.deleteIfExists(file.path());
            }
            throw e;
        }
        UUID id = received.id;
        job.submit(id, file.path(), file.bytes());
        return Response.accepted(IncidentImportView.of(received))
                .location(UriBuilder.fromResource(IncidentImportResource.class).path(id.toString()).build()).build();
    }

    @GET
    @jakarta.ws.rs.Path("{id}")
    @RolesAllowed({ Roles.AGENCY_SUBMITTER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "How far an import has got, and what it found")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = IncidentImportView.class)))
    public IncidentImportView progress(@PathParam("id") UUID id) {
        return IncidentImport.<IncidentImport>findByIdOptional(id)
                .filter(i -> caller.isPlatformAdmin() || caller.agencyId().filter(i.agencyId::equals).isPresent())
                .map(IncidentImportView::of)
                .orElseThrow(() -> HttpProblem.valueOf(Response.Status.NOT_FOUND, "No import " + id));
    }

    /** A received file waiting on disk for its import, and the spool disk it holds. */
    private record Spooled(Path path, long bytes) {
    }

    private static ServiceBusyException busy(String detail) {
        return new ServiceBusyException(detail, RETRY_AFTER);
    }

    /**
     * Checks the header, then copies the rest to a spool file, refusing more than the configured
     * size or than the instance's spool has room for.
     */
    private Spooled spool(InputStream body) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header != null && header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        if (header == null || !PoliceUkCsv.HEADER.equals(PoliceUkCsv.split(header))) {
            throw HttpProblem.valueOf(Response.Status.BAD_REQUEST, "Not a data.police.uk street-level file: the "
                    + "first line must be the header " + String.join(",", PoliceUkCsv.HEADER));
        }
        Path dir = Files.createDirectories(config.spoolDir().orElse(Path.of(System.getProperty("java.io.tmpdir"),
                "csp-imports")));
        Path file = Files.createTempFile(dir, "police-uk-", ".csv");
        long written = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            char[] buffer = new char[64 * 1024];
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                byte[] bytes = new String(buffer, 0, n).getBytes(StandardCharsets.UTF_8);
                if (written + bytes.length > config.maxBytes()) {
                    throw HttpProblem.builder().withStatus(413).withTitle("Content Too Large")
                            .withDetail("An import file may be at most " + config.maxBytes() + " bytes").build();
                }
                if (!job.claimSpool(bytes.length)) {
                    throw busy("The files of the imports waiting here fill this instance's spool disk; "
                            + "post the file again later");
                }
                written += bytes.length;
                out.write(bytes);
            }
        } catch (IOException | RuntimeException e) {
            job.releaseSpool(written);
            Files.deleteIfExists(file);
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw e;
        }
        return new Spooled(file, written);
    }
}
