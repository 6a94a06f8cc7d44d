package org.saferpartnerships.partnership.priorities;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.Authenticated;

import org.saferpartnerships.partnership.common.Theme;
import org.saferpartnerships.partnership.partnerships.PartnershipAccess;
import org.saferpartnerships.platform.api.EntityTags;
import org.saferpartnerships.platform.api.PageRequest;
import org.saferpartnerships.platform.audit.AuditTrail;
import org.saferpartnerships.platform.audit.Audited;
import org.saferpartnerships.platform.identity.Roles;

@Path("/api/v1/partnerships/{partnershipId}/priorities")
@Tag(name = "Priorities", description = "The key priorities a partnership adopts each financial year")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Audited(value = "priority", id = "priorityId")
public class PriorityResource {

    /** A priority as the API returns it. */
    public record PriorityView(UUID id, String partnershipId, int financialYear, String title, Theme theme,
            String description, Priority.Status status, UUID adoptedByBodyId, LocalDate adoptedOn, UUID assessmentId,
            UUID assessmentIssueId, long version) {
        static PriorityView of(Priority p) {
            return new PriorityView(p.id, p.partnershipId, p.financialYear, p.title, p.theme, p.description,
                    p.status, p.adoptedByBodyId, p.adoptedOn, p.assessmentId, p.assessmentIssueId, p.version);
        }
    }

    private final PriorityService priorities;
    private final PartnershipAccess access;
    private final AuditTrail audit;

    PriorityResource(PriorityService priorities, PartnershipAccess access, AuditTrail audit) {
        this.priorities = priorities;
        this.access = access;
        this.audit = audit;
    }

    @GET
    @Authenticated
    @Operation(summary = "Priorities, of one financial year or all")
    public RestResponse<List<PriorityView>> list(@Valid @BeanParam PageRequest page,
            @PathParam("partnershipId") String partnershipId,
            @Parameter(description = "Financial year by its start year: 2021 = April 2021 - March 2022")
            @QueryParam("year") @Min(1998) @Max(2100) Integer year) {
        access.readable(partnershipId);
        List<Priority> found = year == null
                ? Priority.list("partnershipId = ?1 order by financialYear, title", partnershipId)
                : Priority.list("partnershipId = ?1 and financialYear = ?2 order by title", partnershipId, year);
        return audit.listed(page.of(found.stream().map(PriorityView::of).toList()), PriorityView::id);
    }

    @GET
    @Path("{priorityId}")
    @Authenticated
    @Operation(summary = "Read one priority")
    public Response get(@PathParam("partnershipId") String partnershipId, @PathParam("priorityId") UUID priorityId) {
        access.readable(partnershipId);
        Priority priority = priorities.find(partnershipId, priorityId);
        return EntityTags.tagged(PriorityView.of(priority), priority.version);
    }

    @POST
    @RolesAllowed({ Roles.PARTNERSHIP_OFFICER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Draft a priority")
    public Response draft(@PathParam("partnershipId") String partnershipId, @NotNull @Valid PriorityInput input) {
        access.manageable(partnershipId);
        Priority priority = priorities.create(partnershipId, input);
        return EntityTags.created(UriBuilder.fromResource(PriorityResource.class).path(priority.id.toString())
                .build(partnershipId), PriorityView.of(priority), priority.version);
    }

    @PUT
    @Path("{priorityId}")
    @RolesAllowed({ Roles.PARTNERSHIP_OFFICER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Revise a draft priority", description = "409 once adopted.")
    public Response revise(@PathParam("partnershipId") String partnershipId, @PathParam("priorityId") UUID priorityId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid PriorityInput input) {
        access.manageable(partnershipId);
        Priority priority = priorities.revise(partnershipId, priorityId, ifMatch, input);
        return EntityTags.tagged(PriorityView.of(priority), priority.version);
    }

    @POST
    @Path("{priorityId}/adoption")
    @Audited(action = "adopt")
    @RolesAllowed({ Roles.PARTNERSHIP_OFFICER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Record that a body adopted the priority on a date")
    public Response adopt(@PathParam("partnershipId") String partnershipId, @PathParam("priorityId") UUID priorityId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid Adoption adoption) {
        access.manageable(partnershipId);
        Priority priority = priorities.adopt(partnershipId, priorityId, ifMatch, adoption);
        return EntityTags.tagged(PriorityView.of(priority), priority.version);
    }
}
