package org.saferpartnerships.incident.intake;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.saferpartnerships.incident.records.IncidentRecordsResource;
import org.saferpartnerships.incident.records.IncidentView;
import org.saferpartnerships.incident.register.IncidentInput;
import org.saferpartnerships.incident.register.Registration;
import org.saferpartnerships.incident.register.Submitter;
import org.saferpartnerships.platform.api.EntityTags;
import org.saferpartnerships.platform.api.HttpProblem;
import org.saferpartnerships.platform.audit.AuditTrail;
import org.saferpartnerships.platform.audit.Audited;
import org.saferpartnerships.platform.identity.Caller;
import org.saferpartnerships.platform.identity.Roles;

@Path("/api/v1/incidents")
@Tag(name = "Incidents")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Audited("incident")
public class IncidentIntakeResource {

    static final int MAX_BATCH = 5000;

    private final IncidentIntakeService intake;
    private final IntakeCapacity capacity;
    private final Caller caller;
    private final ObjectMapper json;
    private final Validator validator;
    private final AuditTrail audit;

    IncidentIntakeResource(IncidentIntakeService intake, IntakeCapacity capacity, Caller caller, ObjectMapper json,
            Validator validator, AuditTrail audit) {
        this.intake = intake;
        this.capacity = capacity;
        this.caller = caller;
        this.json = json;
        this.validator = validator;
        this.audit = audit;
    }

    @POST
    @RolesAllowed(Roles.AGENCY_SUBMITTER)
    @Operation(summary = "Record one incident", description = "The posting agency comes from the token; it must "
            + "be a current member of the partnership. Re-posting an externalRef the agency already used returns "
            + "the stored record (200) when the content is the same, and 409 when it differs.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = IncidentView.class)))
    @APIResponse(responseCode = "200", description = "Already recorded with the same content; nothing new stored",
            content = @Content(schema = @Schema(implementation = IncidentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid incident; one violation per field",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "invalid", value = """
                    {"status": 400, "title": "Bad Request", "instance": "/api/v1/incidents",
                     "violations": [{"field": "districtCode", "in": "body",
                       "message": "must be the ONS GSS code of a local authority district in England or Wales, e.g. E07000071"}]}""")))
    @APIResponse(responseCode = "401", description = "No valid token for this API")
    @APIResponse(responseCode = "403", description = "Not an agency submitter, or not a member of this partnership")
    @APIResponse(responseCode = "409", description = "The externalRef was used before with different content")
    @APIResponse(responseCode = "503", description = "Too many postings at once; nothing was stored, post again "
            + "after the Retry-After seconds")
    public Response record(@NotNull @Valid IncidentInput incident) {
        Submitter submitter = submitter();
        Registration result = capacity.admit(() -> intake.record(submitter, incident));
        IncidentView body = IncidentView.of(result.incident());
        if (result.outcome() != Registration.Outcome.CREATED) {
            // Nothing changed, so no event named it; the caller reads the stored record.
            audit.record(body.id());
            return EntityTags.tagged(body, body.version());
        }
        return EntityTags.created(UriBuilder.fromResource(IncidentRecordsResource.class).path(body.id().toString())
                .build(), body, body.version());
    }

    @POST
    @Path("batch")
    @RolesAllowed(Roles.AGENCY_SUBMITTER)
    @Operation(summary = "Record up to 5,000 incidents", description = "Every valid incident is stored (with its "
            + "event) in one transaction; each invalid one is reported with its index and reasons; incidents "
            + "already recorded with the same content are unchanged.")
    @RequestBody(content = @Content(schema = @Schema(implementation = IncidentInput[].class)))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = BatchResult.class)))
    @APIResponse(responseCode = "503", description = "Too many postings at once; nothing was stored, post again "
            + "after the Retry-After seconds")
    public BatchResult recordBatch(@NotNull JsonNode body) {
        if (!body.isArray()) {
            throw HttpProblem.valueOf(Response.Status.BAD_REQUEST, "A batch is a JSON array of incidents");
        }
        if (body.size() > MAX_BATCH) {
            throw HttpProblem.valueOf(Response.Status.BAD_REQUEST,
                    "A batch holds at most " + MAX_BATCH + " incidents; this one has " + body.size());
        }
        List<BatchItem> items = new ArrayList<>(body.size());
        body.forEach(element -> items.add(read(element)));
        Submitter submitter = submitter();
        return BatchResult.of(capacity.admit(() -> intake.recordAll(submitter, items)));
    }

    private BatchItem read(JsonNode element) {
        IncidentInput input;
        try {
            input = json.treeToValue(element, IncidentInput.class);
        } catch (UnrecognizedPropertyException e) {
            return new BatchItem(null, List.of(e.getPropertyName() + ": unknown property"));
        } catch (InvalidFormatException e) {
            return new BatchItem(null, List.of(fieldOf(e) + ": " + e.getOriginalMessage()));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return new BatchItem(null, List.of("not an incident: " + e.getMessage().lines().findFirst().orElse("")));
        }
        if (input == null) {
            return new BatchItem(null, List.of("not an incident: null"));
        }
        List<String> problems = validator.validate(input).stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(IncidentIntakeResource::describe).toList();
        return problems.isEmpty() ? new BatchItem(input, List.of()) : new BatchItem(null, problems);
    }

    private static String describe(ConstraintViolation<IncidentInput> violation) {
        return violation.getPropertyPath() + ": " + violation.getMessage();
    }

    private static String fieldOf(InvalidFormatException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> a + "." + b).orElse("incident");
    }

    private Submitter submitter() {
        return Submitter.of(caller);
    }
}
