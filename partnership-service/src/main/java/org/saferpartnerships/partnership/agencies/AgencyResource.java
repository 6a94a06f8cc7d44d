package org.saferpartnerships.partnership.agencies;

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

import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;

import org.saferpartnerships.partnership.partnerships.PartnershipAccess;
import org.saferpartnerships.platform.api.EntityTags;
import org.saferpartnerships.platform.api.HttpProblem;
import org.saferpartnerships.platform.api.PageRequest;
import org.saferpartnerships.platform.audit.AuditTrail;
import org.saferpartnerships.platform.audit.Audited;
import org.saferpartnerships.platform.identity.Roles;

@Path("/api/v1/agencies")
@Tag(name = "Agencies", description = "The directory of partner agencies")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Audited(value = "agency", id = "id")
public class AgencyResource {

    private final AgencyService agencies;
    private final AuditTrail audit;

    AgencyResource(AgencyService agencies, AuditTrail audit) {
        this.agencies = agencies;
        this.audit = audit;
    }

    @GET
    @Authenticated
    @Operation(summary = "List the agency directory", description = "Sorted by name.")
    public RestResponse<List<AgencyView>> list(@Valid @BeanParam PageRequest page) {
        return audit.listed(page.of(Agency.<Agency>listAll(Sort.by("name")).stream().map(AgencyView::of).toList()),
                AgencyView::id);
    }

    @GET
    @Path("{id}")
    @Authenticated
    @Operation(summary = "Read one agency")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AgencyView.class)))
    @APIResponse(responseCode = "404", description = "No such agency")
    public Response get(@PathParam("id") String id) {
        Agency agency = Agency.<Agency>findByIdOptional(id)
                .orElseThrow(() -> PartnershipAccess.notFound("No agency " + id));
        return EntityTags.tagged(AgencyView.of(agency), agency.version);
    }

    @POST
    @RolesAllowed({ Roles.PARTNERSHIP_OFFICER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Register an agency", description = "Partnership officers and admins register the "
            + "agencies their partnerships work with; the id is chosen here and never changes.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = AgencyView.class)))
    @APIResponse(responseCode = "409", description = "An agency with this id exists")
    public Response register(@NotNull @Valid AgencyInput input) {
        if (input.id() == null) {
            throw HttpProblem.valueOf(Response.Status.BAD_REQUEST, "id is required to register an agency");
        }
        Agency agency = agencies.register(input.id(), input);
        return EntityTags.created(UriBuilder.fromResource(AgencyResource.class).path(agency.id).build(),
                AgencyView.of(agency), agency.version);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Change an agency's details", description = "Needs the agency's ETag in If-Match.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AgencyView.class)))
    @APIResponse(responseCode = "412", description = "The agency changed since it was read")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid AgencyInput input) {
        if (input.id() != null && !input.id().equals(id)) {
            throw HttpProblem.valueOf(Response.Status.BAD_REQUEST, "An agency's id cannot change");
        }
        Agency agency = agencies.update(id, ifMatch, input);
        return EntityTags.tagged(AgencyView.of(agency), agency.version);
    }
}
