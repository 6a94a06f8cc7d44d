package org.saferpartnerships.funding.funders;

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

import org.saferpartnerships.funding.partnerships.FundingAccess;
import org.saferpartnerships.platform.api.EntityTags;
import org.saferpartnerships.platform.api.PageRequest;
import org.saferpartnerships.platform.audit.Audited;
import org.saferpartnerships.platform.identity.Roles;

/** A funder's streams of money, read by every signed-in caller, opened by the funder's own officers. */
@Path("/api/v1/funders/{funderId}/streams")
@Tag(name = "Funders")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Audited(value = "funding-stream", id = "streamId")
public class FundingStreamResource {

    private final FunderService funders;
    private final FundingAccess access;

    FundingStreamResource(FunderService funders, FundingAccess access) {
        this.funders = funders;
        this.access = access;
    }

    @GET
    @Extension(name = FunderResource.PUBLISHED, value = "true", parseValue = true)
    @Authenticated
    @Operation(summary = "The funder's streams of money")
    public RestResponse<List<FundingStreamView>> streams(@Valid @BeanParam PageRequest page,
            @PathParam("funderId") String funderId) {
        return page.of(funders.streams(funderId).stream().map(FundingStreamView::of).toList());
    }

    @POST
    @RolesAllowed({ Roles.FUNDING_OFFICER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Open a stream of the funder's money", description = "By the funder's own funding officers.")
    public Response open(@PathParam("funderId") String funderId, @NotNull @Valid FundingStreamInput input) {
        access.speaksFor(funderId);
        FundingStream stream = funders.open(funderId, input);
        return EntityTags.created(UriBuilder.fromResource(FundingStreamResource.class).path(stream.id.toString())
                .build(funderId), FundingStreamView.of(stream), stream.version);
    }

    @GET
    @Extension(name = FunderResource.PUBLISHED, value = "true", parseValue = true)
    @Path("{streamId}")
    @Authenticated
    @Operation(summary = "Read one stream")
    public Response stream(@PathParam("funderId") String funderId, @PathParam("streamId") UUID streamId) {
        FundingStream stream = funders.stream(funderId, streamId);
        return EntityTags.tagged(FundingStreamView.of(stream), stream.version);
    }

    @PUT
    @Path("{streamId}")
    @RolesAllowed({ Roles.FUNDING_OFFICER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Rename or re-classify a stream; needs its ETag in If-Match")
    public Response reviseStream(@PathParam("funderId") String funderId, @PathParam("streamId") UUID streamId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid FundingStreamInput input) {
        access.speaksFor(funderId);
        FundingStream stream = funders.revise(funderId, streamId, ifMatch, input);
        return EntityTags.tagged(FundingStreamView.of(stream), stream.version);
    }
}
