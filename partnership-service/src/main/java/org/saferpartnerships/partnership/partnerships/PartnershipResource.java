package org.saferpartnerships.partnership.partnerships;

import java.util.List;

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

import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;

import org.saferpartnerships.platform.api.EntityTags;
import org.saferpartnerships.platform.api.HttpProblem;
import org.saferpartnerships.platform.api.PageRequest;
import org.saferpartnerships.platform.audit.AuditTrail;
import org.saferpartnerships.platform.audit.Audited;
import org.saferpartnerships.platform.geography.DistrictCode;
import org.saferpartnerships.platform.identity.Roles;

@Path("/api/v1/partnerships")
@Tag(name = "Partnerships")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Audited(value = "partnership", id = "id")
public class PartnershipResource {

    private final PartnershipService partnerships;
    private final PartnershipAccess access;
    private final AuditTrail audit;

    PartnershipResource(PartnershipService partnerships, PartnershipAccess access, AuditTrail audit) {
        this.partnerships = partnerships;
        this.access = access;
        this.audit = audit;
    }

    @GET
    @Authenticated
    @Operation(summary = "List partnerships, or find the one covering a district")
    public RestResponse<List<PartnershipView>> list(@Valid @BeanParam PageRequest page,
            @Parameter(description = "ONS GSS district code, e.g. E07000075: the partnership covering it")
            @QueryParam("district") @DistrictCode String district) {
        if (district != null) {
            return audit.listed(page.of(partnerships.coveringDistrict(district).map(PartnershipView::of).stream()
                    .toList()), PartnershipView::id);
        }
        return audit.listed(page.of(Partnership.<Partnership>listAll(Sort.by("name")).stream()
                .map(PartnershipView::of).toList()), PartnershipView::id);
    }

    @GET
    @Path("{id}")
    @Authenticated
    @Operation(summary = "Read one partnership")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PartnershipView.class)))
    @APIResponse(responseCode = "404", description = "No such partnership")
    public Response get(@PathParam("id") String id) {
        Partnership partnership = access.readable(id);
        return EntityTags.tagged(PartnershipView.of(partnership), partnership.version);
    }

    @POST
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Register a partnership", description = "Platform admins register partnerships; "
            + "each district belongs to one partnership at a time.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = PartnershipView.class)))
    @APIResponse(responseCode = "400", description = "Invalid, or a district was abolished in a reorganisation")
    @APIResponse(responseCode = "409", description = "The id exists, or a district is covered by another partnership")
    public Response register(@NotNull @Valid PartnershipInput input) {
        if (input.id() == null) {
            throw HttpProblem.valueOf(Response.Status.BAD_REQUEST, "id is required to register a partnership");
        }
        Partnership partnership = partnerships.register(input.id(), input);
        return EntityTags.created(UriBuilder.fromResource(PartnershipResource.class).path(partnership.id).build(), PartnershipView.of(partnership), partnership.version);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({ Roles.PARTNERSHIP_OFFICER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Change a partnership's details", description = "Its own officers and admins; "
            + "needs the ETag in If-Match.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PartnershipView.class)))
    @APIResponse(responseCode = "403", description = "Not an officer of this partnership")
    @APIResponse(responseCode = "412", description = "The partnership changed since it was read")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid PartnershipInput input) {
        if (input.id() != null && !input.id().equals(id)) {
            throw HttpProblem.valueOf(Response.Status.BAD_REQUEST, "A partnership's id cannot change");
        }
        access.manageable(id);
        Partnership partnership = partnerships.update(id, ifMatch, input);
        return EntityTags.tagged(PartnershipView.of(partnership), partnership.version);
    }
}
