package org.saferpartnerships.platform.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;

import org.saferpartnerships.platform.api.HttpProblem;
import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.platform.vocabulary.Term;

/** The audit trail of this service, for platform admins; reading it is audited too. */
@Path("/api/v1/admin/audit")
@Tag(name = "Administration")
@Produces(MediaType.APPLICATION_JSON)
@Audited("audit-entry")
public class AuditResource {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    /** A page of entries, newest first; {@code next} is the {@code before} of the page after it. */
    @Schema(name = "AuditPage")
    public record AuditPage(List<AuditEntry> entries, String next) {
    }

    private final AuditLog log;
    private final AuditTrail trail;

    AuditResource(AuditLog log, AuditTrail trail) {
        this.log = log;
        this.trail = trail;
    }

    @GET
    @Blocking
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Who read or changed which records, when, why, and whether they were allowed",
            description = "Newest first; every filter given must match. Follow next (as before) for older entries.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AuditPage.class),
            examples = @ExampleObject(name = "a refused read", value = """
                    {"entries": [{"id": 4182, "at": "2025-03-04T10:15:30.123456Z", "subject": "7c1e5f0a-2b7d-4c55-9a43-0d0c2f5e8b11",
                      "username": "j.smith", "agencyId": "braintree-council", "roles": ["partnership-officer"],
                      "platformAdmin": false, "action": "read", "recordType": "domestic-homicide-review",
                      "recordIds": ["3f2b8c1e-8d4a-4b6e-9f51-2c7d0e9a6b44"], "purpose": "DHR panel preparation",
                      "method": "GET", "path": "/api/v1/partnerships/chelmsford/domestic-homicide-reviews/3f2b8c1e-8d4a-4b6e-9f51-2c7d0e9a6b44",
                      "query": null, "outcome": "refused", "status": 404}],
                     "next": "4182"}""")))
    @APIResponse(responseCode = "400", description = "A filter is not what it should be")
    @APIResponse(responseCode = "403", description = "Not a platform admin")
    public AuditPage find(
            @Parameter(description = "The token subject (sub) of the caller") @QueryParam("subject") String subject,
            @Parameter(description = "The caller's agency (agency_id claim)") @QueryParam("agency") String agency,
            @Parameter(description = "Kind of record, e.g. incident, domestic-homicide-review")
            @QueryParam("recordType") String recordType,
            @Parameter(description = "Entries naming this record id") @QueryParam("record") String record,
            @Parameter(description = "From this instant, inclusive (ISO 8601, e.g. 2025-03-01T00:00:00Z)")
            @QueryParam("from") String from,
            @Parameter(description = "Before this instant, exclusive") @QueryParam("to") String to,
            @Parameter(description = "allowed, refused or failed") @QueryParam("outcome") String outcome,
            @Parameter(description = "The next of the page before") @QueryParam("before") String before,
            @QueryParam("limit") @DefaultValue("" + DEFAULT_LIMIT) @Min(1) @Max(MAX_LIMIT) int limit) {
        AuditLog.Query query = new AuditLog.Query(subject, agency, recordType, record, instant("from", from),
                instant("to", to), outcome == null ? null : Term.ofSlug(AuditOutcome.class, outcome)
                        .orElseThrow(() -> invalid("outcome is allowed, refused or failed")),
                cursor(before), limit);
        List<AuditEntry> entries = log.find(query);
        trail.records(entries.stream().map(AuditEntry::id).toList());
        String next = entries.size() == limit ? String.valueOf(entries.get(entries.size() - 1).id()) : null;
        return new AuditPage(entries, next);
    }

    private static Instant instant(String name, String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(name + " is an instant such as 2025-03-01T00:00:00Z");
        }
    }

    private static Long cursor(String before) {
        try {
            return before == null ? null : Long.valueOf(before);
        } catch (NumberFormatException e) {
            throw invalid("before is the next of an earlier page");
        }
    }

    private static HttpProblem invalid(String detail) {
        return HttpProblem.valueOf(Response.Status.BAD_REQUEST, detail);
    }
}
