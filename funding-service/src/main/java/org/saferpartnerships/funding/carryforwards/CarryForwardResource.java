package org.saferpartnerships.funding.carryforwards;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

import org.saferpartnerships.funding.funders.FunderService;
import org.saferpartnerships.funding.partnerships.FundingAccess;
import org.saferpartnerships.platform.api.EntityTags;
import org.saferpartnerships.platform.api.PageRequest;
import org.saferpartnerships.platform.audit.AuditTrail;
import org.saferpartnerships.platform.audit.Audited;
import org.saferpartnerships.platform.identity.Roles;

@Path("/api/v1/partnerships/{partnershipId}/carry-forwards")
@Tag(name = "Carry-forwards", description = "Underspends the partnership asks to roll into the next year, and the funder's decisions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Audited(value = "carry-forward", id = "carryForwardId")
public class CarryForwardResource {

    private final CarryForwardService carryForwards;
    private final FunderService funders;
    private final FundingAccess access;
    private final AuditTrail audit;

    CarryForwardResource(CarryForwardService carryForwards, FunderService funders, FundingAccess access,
            AuditTrail audit) {
        this.carryForwards = carryForwards;
        this.funders = funders;
        this.access = access;
        this.audit = audit;
    }

    @GET
    @RolesAllowed({ Roles.FUNDING_OFFICER, Roles.PARTNERSHIP_OFFICER, Roles.ANALYST, Roles.PLATFORM_ADMIN })
    @Operation(summary = "The partnership's carry-forwards", description = "Requested, approved and declined, by year. "
            + "Funding officers, partnership officers and analysts of the partnership, and platform admins; any other "
            + "caller gets 404.")
    public RestResponse<List<CarryForwardView>> list(@Valid @BeanParam PageRequest page,
            @PathParam("partnershipId") String partnershipId) {
        access.readable(partnershipId);
        return audit.listed(page.of(carryForwards.of(partnershipId).stream().map(CarryForwardView::of).toList()),
                CarryForwardView::id);
    }

    @POST
    @RolesAllowed({ Roles.PARTNERSHIP_OFFICER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Ask to carry an underspend forward", description = "By the partnership's officers: at most "
            + "what the stream made available in the year; one live request per stream and year.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = CarryForwardView.class)))
    public Response request(@PathParam("partnershipId") String partnershipId,
            @NotNull @Valid CarryForwardRequest input) {
        access.manages(partnershipId);
        funders.stream(input.streamId());
        CarryForward carryForward = carryForwards.request(partnershipId, input);
        return EntityTags.created(UriBuilder.fromResource(CarryForwardResource.class)
                .path(carryForward.id.toString()).build(partnershipId), CarryForwardView.of(carryForward),
                carryForward.version);
    }

    @GET
    @Path("{carryForwardId}")
    @RolesAllowed({ Roles.FUNDING_OFFICER, Roles.PARTNERSHIP_OFFICER, Roles.ANALYST, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Read one carry-forward")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CarryForwardView.class)))
    public Response get(@PathParam("partnershipId") String partnershipId,
            @PathParam("carryForwardId") UUID carryForwardId) {
        access.readable(partnershipId);
        CarryForward carryForward = carryForwards.find(partnershipId, carryForwardId);
        return EntityTags.tagged(CarryForwardView.of(carryForward), carryForward.version);
    }

    @POST
    @Path("{carryForwardId}/decision")
    @Audited(action = "decide")
    @RolesAllowed({ Roles.FUNDING_OFFICER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Decide a carry-forward", description = "By the stream's funder's funding officers: approve "
            + "(possibly another amount, at most what the year had available) or decline. The approved amount counts "
            + "in the next year. If-Match is optional.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CarryForwardView.class)))
    public Response decide(@PathParam("partnershipId") String partnershipId,
            @PathParam("carryForwardId") UUID carryForwardId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid CarryForwardDecision decision) {
        access.readable(partnershipId);
        CarryForward asked = carryForwards.find(partnershipId, carryForwardId);
        access.fundsFor(partnershipId, funders.stream(asked.streamId).funderId);
        CarryForward carryForward = carryForwards.decide(partnershipId, carryForwardId, ifMatch, decision);
        return EntityTags.tagged(CarryForwardView.of(carryForward), carryForward.version);
    }
}
