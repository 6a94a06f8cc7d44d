package org.saferpartnerships.funding.initiatives;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import org.saferpartnerships.platform.api.PageRequest;
import org.saferpartnerships.platform.audit.AuditTrail;
import org.saferpartnerships.platform.audit.Audited;
import org.saferpartnerships.platform.identity.Roles;

@Path("/api/v1/partnerships/{partnershipId}/initiatives/{initiativeId}/spend")
@Tag(name = "Initiatives")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Audited(value = "spend-line", id = "lineId")
public class SpendResource {

    private final InitiativeService initiatives;
    private final FundingAccess access;
    private final AuditTrail audit;

    SpendResource(InitiativeService initiatives, FundingAccess access, AuditTrail audit) {
        this.initiatives = initiatives;
        this.access = access;
        this.audit = audit;
    }

    @GET
    @RolesAllowed({ Roles.FUNDING_OFFICER, Roles.PARTNERSHIP_OFFICER, Roles.ANALYST, Roles.PLATFORM_ADMIN })
    @Operation(summary = "The spend on an initiative", description = "Every line as recorded, reversals included, "
            + "by date. " + InitiativeResource.READERS_NOTE)
    public RestResponse<List<SpendLineView>> list(@Valid @BeanParam PageRequest page,
            @PathParam("partnershipId") String partnershipId, @PathParam("initiativeId") UUID initiativeId) {
        access.readable(partnershipId);
        List<SpendLine> lines = initiatives.lines(initiatives.find(partnershipId, initiativeId));
        Map<UUID, UUID> reversedBy = initiatives.reversals(lines);
        return audit.listed(page.of(lines.stream().map(line -> SpendLineView.of(line, reversedBy.get(line.id))).toList()),
                SpendLineView::id);
    }

    @POST
    @RolesAllowed({ Roles.PARTNERSHIP_OFFICER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Record spend on an initiative", description = "A dated line within the initiative's "
            + "financial year, on an approved or completed initiative, and never into money of the stream carried "
            + "into the next year (409). Lines are never edited: reverse one instead.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = SpendLineView.class)))
    public Response spend(@PathParam("partnershipId") String partnershipId,
            @PathParam("initiativeId") UUID initiativeId, @NotNull @Valid SpendInput input) {
        access.manages(partnershipId);
        SpendLine line = initiatives.spend(partnershipId, initiativeId, input, access.who());
        return Response.created(UriBuilder.fromResource(SpendResource.class).build(partnershipId, initiativeId))
                .entity(SpendLineView.of(line, null)).build();
    }

    @POST
    @Path("{lineId}/reversal")
    @Audited(action = "reverse")
    @RolesAllowed({ Roles.PARTNERSHIP_OFFICER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Reverse a line of spend", description = "Records a line of the opposite amount that names "
            + "this one; each line is reversed at most once, and a reversal is not reversed.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = SpendLineView.class)))
    public Response reverse(@PathParam("partnershipId") String partnershipId,
            @PathParam("initiativeId") UUID initiativeId, @PathParam("lineId") UUID lineId,
            @NotNull @Valid ReversalInput input) {
        access.manages(partnershipId);
        SpendLine line = initiatives.reverse(partnershipId, initiativeId, lineId, input, access.who());
        return Response.created(UriBuilder.fromResource(SpendResource.class).build(partnershipId, initiativeId))
                .entity(SpendLineView.of(line, null)).build();
    }
}
