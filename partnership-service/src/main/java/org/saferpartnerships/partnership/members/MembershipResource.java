package org.saferpartnerships.partnership.members;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.Authenticated;

import org.saferpartnerships.partnership.agencies.Agency;
import org.saferpartnerships.partnership.partnerships.PartnershipAccess;
import org.saferpartnerships.platform.api.EntityTags;
import org.saferpartnerships.platform.api.PageRequest;
import org.saferpartnerships.platform.audit.AuditTrail;
import org.saferpartnerships.platform.audit.Audited;
import org.saferpartnerships.platform.identity.Roles;

@Path("/api/v1/partnerships/{partnershipId}/members")
@Tag(name = "Members", description = "Which agencies sit in a partnership, in which role, when")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Audited(value = "membership", id = "membershipId")
public class MembershipResource {

    private final MembershipService memberships;
    private final PartnershipAccess access;
    private final AuditTrail audit;

    MembershipResource(MembershipService memberships, PartnershipAccess access, AuditTrail audit) {
        this.memberships = memberships;
        this.access = access;
        this.audit = audit;
    }

    @GET
    @Authenticated
    @Operation(summary = "Members of a partnership", description = "Every membership past and present, or "
            + "with on=YYYY-MM-DD those who were members on that date.")
    public RestResponse<List<MembershipView>> list(@Valid @BeanParam PageRequest page,
            @PathParam("partnershipId") String partnershipId,
            @Parameter(description = "Only memberships active on this date", example = "2020-09-15")
            @QueryParam("on") LocalDate on) {
        access.readable(partnershipId);
        List<Membership> found = memberships.of(partnershipId, on);
        Map<String, Agency> agencies = Agency.<Agency>list("id in ?1",
                found.stream().map(m -> m.agencyId).distinct().toList())
                .stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
        return audit.listed(page.of(found.stream().map(m -> MembershipView.of(m, agencies.get(m.agencyId))).toList()),
                MembershipView::id);
    }

    @GET
    @Path("{membershipId}")
    @Authenticated
    @Operation(summary = "Read one membership")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MembershipView.class)))
    public Response get(@PathParam("partnershipId") String partnershipId, @PathParam("membershipId") UUID id) {
        access.readable(partnershipId);
        Membership membership = memberships.find(partnershipId, id);
        return withTag(membership);
    }

    @POST
    @RolesAllowed({ Roles.PARTNERSHIP_OFFICER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Add a member agency")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = MembershipView.class)))
    @APIResponse(responseCode = "409", description = "The agency is a member for part of that period already")
    public Response join(@PathParam("partnershipId") String partnershipId, @NotNull @Valid MembershipInput input) {
        access.manageable(partnershipId);
        Membership membership = memberships.create(partnershipId, input);
        return EntityTags.created(UriBuilder.fromResource(MembershipResource.class).path(membership.id.toString())
                .build(partnershipId), MembershipView.of(membership, MembershipService.agency(membership.agencyId)),
                membership.version);
    }

    @PUT
    @Path("{membershipId}")
    @RolesAllowed({ Roles.PARTNERSHIP_OFFICER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Change a membership; set until to record that the agency left")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MembershipView.class)))
    @APIResponse(responseCode = "412", description = "Changed since it was read")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response change(@PathParam("partnershipId") String partnershipId, @PathParam("membershipId") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid MembershipInput input) {
        access.manageable(partnershipId);
        return withTag(memberships.revise(partnershipId, id, ifMatch, input));
    }

    private static Response withTag(Membership membership) {
        return EntityTags.tagged(MembershipView.of(membership, MembershipService.agency(membership.agencyId)),
                membership.version);
    }
}
