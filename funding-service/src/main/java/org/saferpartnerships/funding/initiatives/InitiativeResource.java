package org.saferpartnerships.funding.initiatives;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import org.saferpartnerships.funding.partnerships.FundingAccess;
import org.saferpartnerships.platform.api.EntityTags;
import org.saferpartnerships.platform.api.PageRequest;
import org.saferpartnerships.platform.audit.AuditTrail;
import org.saferpartnerships.platform.audit.Audited;
import org.saferpartnerships.platform.identity.Roles;

@Path("/api/v1/partnerships/{partnershipId}/initiatives")
@Tag(name = "Initiatives", description = "What the partnership commits its money to, and what it spends on each")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Audited(value = "initiative", id = "initiativeId")
public class InitiativeResource {

    static final String READERS_NOTE = "Funding officers, partnership officers and analysts of the partnership, "
            + "and platform admins; any other caller gets 404.";

    private final InitiativeService initiatives;
    private final FundingAccess access;
    private final AuditTrail audit;

    InitiativeResource(InitiativeService initiatives, FundingAccess access, AuditTrail audit) {
        this.initiatives = initiatives;
        this.access = access;
        this.audit = audit;
    }

    @GET
    @RolesAllowed({ Roles.FUNDING_OFFICER, Roles.PARTNERSHIP_OFFICER, Roles.ANALYST, Roles.PLATFORM_ADMIN })
    @Operation(summary = "The partnership's initiatives", description = "Of one financial year when given, each with "
            + "what has been spent on it. " + READERS_NOTE)
    public RestResponse<List<InitiativeView>> list(@Valid @BeanParam PageRequest page,
            @PathParam("partnershipId") String partnershipId, @QueryParam("year") @Min(2000) @Max(2100) Integer year) {
        access.readable(partnershipId);
        List<Initiative> found = initiatives.of(partnershipId, year);
        Map<UUID, BigDecimal> spent = initiatives.spentOn(found);
        return audit.listed(page.of(found.stream().map(i -> InitiativeView.of(i, spent.get(i.id))).toList()),
                InitiativeView::id);
    }

    @POST
    @RolesAllowed({ Roles.PARTNERSHIP_OFFICER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Record an initiative", description = "By the partnership's officers. The priority it "
            + "serves and the meeting that approved it must be the partnership's own; an approved initiative says "
            + "when it was approved (the meeting's date when only the meeting is given).")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = InitiativeView.class)))
    public Response record(@PathParam("partnershipId") String partnershipId, @NotNull @Valid InitiativeInput input) {
        access.manages(partnershipId);
        Initiative initiative = initiatives.record(partnershipId, input);
        return EntityTags.created(UriBuilder.fromResource(InitiativeResource.class).path(initiative.id.toString())
                .build(partnershipId), InitiativeView.of(initiative, BigDecimal.ZERO.setScale(2)), initiative.version);
    }

    @GET
    @Path("{initiativeId}")
    @RolesAllowed({ Roles.FUNDING_OFFICER, Roles.PARTNERSHIP_OFFICER, Roles.ANALYST, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Read one initiative", description = READERS_NOTE)
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InitiativeView.class)))
    public Response get(@PathParam("partnershipId") String partnershipId,
            @PathParam("initiativeId") UUID initiativeId) {
        access.readable(partnershipId);
        Initiative initiative = initiatives.find(partnershipId, initiativeId);
        return EntityTags.tagged(InitiativeView.of(initiative, initiatives.spentOn(List.of(initiative)).get(initiative.id)),
                initiative.version);
    }

    @PUT
    @Path("{initiativeId}")
    @RolesAllowed({ Roles.PARTNERSHIP_OFFICER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Change an initiative", description = "Re-cost, approve, complete or cancel it "
            + "(proposed → approved → completed or cancelled); its year stays. Needs its ETag in If-Match.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InitiativeView.class)))
    public Response revise(@PathParam("partnershipId") String partnershipId,
            @PathParam("initiativeId") UUID initiativeId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid InitiativeInput input) {
        access.manages(partnershipId);
        Initiative initiative = initiatives.revise(partnershipId, initiativeId, ifMatch, input);
        return EntityTags.tagged(InitiativeView.of(initiative, initiatives.spentOn(List.of(initiative)).get(initiative.id)),
                initiative.version);
    }
}
