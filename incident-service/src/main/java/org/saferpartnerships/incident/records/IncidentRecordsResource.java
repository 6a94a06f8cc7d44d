package org.saferpartnerships.incident.records;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import org.saferpartnerships.incident.corrections.IncidentCorrectionService;
import org.saferpartnerships.incident.reference.IncidentFlag;
import org.saferpartnerships.incident.register.Incident;
import org.saferpartnerships.incident.register.KnownCategory;
import org.saferpartnerships.incident.register.Submitter;
import org.saferpartnerships.platform.api.CalendarMonth;
import org.saferpartnerships.platform.api.EntityTags;
import org.saferpartnerships.platform.api.HttpProblem;
import org.saferpartnerships.platform.audit.AuditTrail;
import org.saferpartnerships.platform.audit.Audited;
import org.saferpartnerships.platform.export.ExportQuota;
import org.saferpartnerships.platform.geography.DistrictCode;
import org.saferpartnerships.platform.identity.Caller;
import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.platform.vocabulary.Term;

/**
 * Reading incidents record by record: an agency sees its own; partnership officers and analysts
 * those of their partnerships; admins all. Every read is audited with the ids it answered and
 * counted against the caller's daily export quota.
 * Corrections and withdrawals are the recording agency's.
 */
@Path("/api/v1/incidents")
@Tag(name = "Incidents")
@Produces(MediaType.APPLICATION_JSON)
@Audited(value = "incident", id = "id")
public class IncidentRecordsResource {

    private static final String QUOTA_REACHED = "The caller has had its daily quota of records "
            + "(csp.export.records-per-day); Retry-After says when it renews";

    /** Why an incident is withdrawn. */
    public record Withdrawal(@NotBlank @Size(max = 500) String reason) {
    }

    private final Caller caller;
    private final EntityManager entityManager;
    private final AuditTrail audit;
    private final IncidentCorrectionService corrections;
    private final ExportQuota quota;

    IncidentRecordsResource(Caller caller, EntityManager entityManager, AuditTrail audit,
            IncidentCorrectionService corrections, ExportQuota quota) {
        this.caller = caller;
        this.entityManager = entityManager;
        this.audit = audit;
        this.corrections = corrections;
        this.quota = quota;
    }

    @GET
    @RolesAllowed({ Roles.AGENCY_SUBMITTER, Roles.PARTNERSHIP_OFFICER, Roles.ANALYST, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Find incidents", description = "Filtered and paged by keyset: pass the page's next as "
            + "after. Withdrawn incidents only with includeWithdrawn=true.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = IncidentPage.class)))
    @APIResponse(responseCode = "429", description = QUOTA_REACHED)
    public IncidentPage list(
            @QueryParam("partnership") String partnership,
            @Parameter(description = "First month, YYYY-MM") @QueryParam("from") @CalendarMonth String from,
            @Parameter(description = "Last month, YYYY-MM") @QueryParam("to") @CalendarMonth String to,
            @QueryParam("category") @KnownCategory String category,
            @Parameter(description = "ONS GSS district code: incidents counted in that district now, or reported in "
                    + "it (a district since abolished finds those reported in it)")
            @QueryParam("district") @DistrictCode String district,
            @QueryParam("flag") String flag,
            @QueryParam("includeWithdrawn") @DefaultValue("false") boolean includeWithdrawn,
            @QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        if (partnership != null && !caller.mayActFor(partnership)) {
            // As the feeds answer: a partnership outside the token is one the caller may not know of.
            throw HttpProblem.valueOf(Response.Status.NOT_FOUND, "No partnership " + partnership);
        }
        if (flag != null && Term.ofSlug(IncidentFlag.class, flag).isEmpty()) {
            throw HttpProblem.valueOf(Response.Status.BAD_REQUEST, "flag: not an incident flag; see /api/v1/categories");
        }
        IncidentQuery query = new IncidentQuery(ownAgencyOnly(), visiblePartnerships(), partnership, from, to,
                category, district, flag, includeWithdrawn, after, limit);
        List<Incident> found = query.run(entityManager);
        boolean more = found.size() > limit;
        List<Incident> page = more ? found.subList(0, limit) : found;
        quota.take(caller, page.size());
        audit.records(page.stream().map(incident -> incident.id).toList());
        String next = more ? IncidentQuery.Cursor.after(page.get(limit - 1)).encode() : null;
        return new IncidentPage(page.stream().map(IncidentView::of).toList(), next);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.AGENCY_SUBMITTER, Roles.PARTNERSHIP_OFFICER, Roles.ANALYST, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Read one incident", description = "Anything the caller may not see is 404.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = IncidentView.class)))
    @APIResponse(responseCode = "404", description = "No such incident, or not one the caller may see")
    @APIResponse(responseCode = "429", description = QUOTA_REACHED)
    public Response get(@PathParam("id") UUID id) {
        Incident incident = Incident.<Incident>findByIdOptional(id)
                .filter(this::visibleToCaller)
                .orElseThrow(() -> HttpProblem.valueOf(Response.Status.NOT_FOUND, "No incident " + id));
        quota.take(caller, 1);
        return EntityTags.tagged(IncidentView.of(incident), incident.version);
    }

    @PATCH
    @Path("{id}")
    @Consumes({ "application/merge-patch+json", MediaType.APPLICATION_JSON })
    @RolesAllowed(Roles.AGENCY_SUBMITTER)
    @Operation(summary = "Correct an incident", description = "A JSON merge patch (RFC 7396) of the incident as "
            + "posted, by the agency that recorded it, with its ETag in If-Match. externalRef cannot change.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = IncidentView.class)))
    public Response correct(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull JsonNode patch) {
        Incident incident = corrections.correct(id, submitter(), ifMatch, patch);
        return EntityTags.tagged(IncidentView.of(incident), incident.version);
    }

    @POST
    @Path("{id}/withdrawal")
    @Audited(action = "withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AGENCY_SUBMITTER)
    @Operation(summary = "Withdraw an incident", description = "Recorded in error or a duplicate: the record stays, "
            + "marked withdrawn, and leaves every count. Needs its ETag in If-Match.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = IncidentView.class)))
    public Response withdraw(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid Withdrawal withdrawal) {
        Incident incident = corrections.withdraw(id, submitter(), ifMatch, withdrawal.reason());
        return EntityTags.tagged(IncidentView.of(incident), incident.version);
    }

    private Submitter submitter() {
        return Submitter.of(caller);
    }

    /** Agency submitters read their own agency's records only. */
    private String ownAgencyOnly() {
        if (caller.isPlatformAdmin() || caller.hasRole(Roles.PARTNERSHIP_OFFICER) || caller.hasRole(Roles.ANALYST)) {
            return null;
        }
        return caller.agencyId().orElse("");
    }

    /** Officers and analysts read their partnerships' records; null is no limit (admins, own agency). */
    private Set<String> visiblePartnerships() {
        if (caller.isPlatformAdmin() || ownAgencyOnly() != null) {
            return null;
        }
        return caller.partnerships();
    }

    private boolean visibleToCaller(Incident incident) {
        String agency = ownAgencyOnly();
        Set<String> partnerships = visiblePartnerships();
        return (agency == null || agency.equals(incident.agencyId))
                && (partnerships == null || partnerships.contains(incident.partnershipId));
    }
}
