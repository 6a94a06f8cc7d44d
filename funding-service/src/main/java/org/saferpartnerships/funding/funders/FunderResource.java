package org.saferpartnerships.funding.funders;

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
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.Authenticated;

import org.saferpartnerships.platform.api.EntityTags;
import org.saferpartnerships.platform.api.PageRequest;
import org.saferpartnerships.platform.audit.Audited;
import org.saferpartnerships.platform.identity.Roles;

/** Funders and their streams: public facts of who funds partnerships with what, read by every signed-in caller. */
@Path("/api/v1/funders")
@Tag(name = "Funders", description = "Commissioners' offices, departments and partners that fund partnerships, and their streams")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Audited(value = "funder", id = "funderId")
public class FunderResource {

    /**
     * Marks in the API document what every signed-in caller reads, whichever partnerships the token
     * names: who funds partnerships with what is public (clients and the security suite read it).
     */
    static final String PUBLISHED = "x-csp-published";

    private final FunderService funders;

    FunderResource(FunderService funders) {
        this.funders = funders;
    }

    @GET
    @Extension(name = PUBLISHED, value = "true", parseValue = true)
    @Authenticated
    @Operation(summary = "The funders")
    public RestResponse<List<FunderView>> list(@Valid @BeanParam PageRequest page) {
        return page.of(funders.all().stream().map(FunderView::of).toList());
    }

    @POST
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Register a funder", description = "Its id is the agency id its funding officers' tokens carry.")
    public Response register(@NotNull @Valid FunderInput input) {
        Funder funder = funders.register(input);
        return EntityTags.created(UriBuilder.fromResource(FunderResource.class).path(funder.id).build(),
                FunderView.of(funder), funder.version);
    }

    @GET
    @Extension(name = PUBLISHED, value = "true", parseValue = true)
    @Path("{funderId}")
    @Authenticated
    @Operation(summary = "Read one funder")
    public Response get(@PathParam("funderId") String funderId) {
        Funder funder = funders.find(funderId);
        return EntityTags.tagged(FunderView.of(funder), funder.version);
    }

    @PUT
    @Path("{funderId}")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Change a funder's details; needs its ETag in If-Match")
    public Response revise(@PathParam("funderId") String funderId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid FunderInput input) {
        Funder funder = funders.revise(funderId, ifMatch, input);
        return EntityTags.tagged(FunderView.of(funder), funder.version);
    }
}
