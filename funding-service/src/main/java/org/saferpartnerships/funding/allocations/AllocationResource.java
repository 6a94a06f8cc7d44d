package org.saferpartnerships.funding.allocations;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

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

import org.saferpartnerships.funding.funders.FunderService;
import org.saferpartnerships.funding.funders.FundingStream;
import org.saferpartnerships.funding.partnerships.FundingAccess;
import org.saferpartnerships.platform.api.EntityTags;
import org.saferpartnerships.platform.api.PageRequest;
import org.saferpartnerships.platform.audit.AuditTrail;
import org.saferpartnerships.platform.audit.Audited;
import org.saferpartnerships.platform.domain.RuleViolated;
import org.saferpartnerships.platform.identity.Roles;

@Path("/api/v1/partnerships/{partnershipId}")
@Tag(name = "Allocations", description = "What funders give each partnership per financial year, and what they top-slice")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Audited(value = "allocation", id = "allocationId")
public class AllocationResource {

    private static final String READERS_NOTE = "Funding officers, partnership officers and analysts of the "
            + "partnership, and platform admins; any other caller gets 404.";

    private final AllocationService allocations;
    private final FunderService funders;
    private final FundingAccess access;
    private final AuditTrail audit;

    AllocationResource(AllocationService allocations, FunderService funders, FundingAccess access, AuditTrail audit) {
        this.allocations = allocations;
        this.funders = funders;
        this.access = access;
        this.audit = audit;
    }

    @GET
    @Path("allocations")
    @RolesAllowed({ Roles.FUNDING_OFFICER, Roles.PARTNERSHIP_OFFICER, Roles.ANALYST, Roles.PLATFORM_ADMIN })
    @Operation(summary = "The partnership's allocations", description = "Of one financial year and one stream when "
            + "given. " + READERS_NOTE)
    public RestResponse<List<AllocationView>> list(@Valid @BeanParam PageRequest page,
            @PathParam("partnershipId") String partnershipId,
            @QueryParam("year") @Min(2000) @Max(2100) Integer year, @QueryParam("stream") UUID streamId) {
        access.readable(partnershipId);
        List<Allocation> found = allocations.of(partnershipId, year, streamId);
        Map<UUID, String> funderOf = funderOf(found);
        return audit.listed(page.of(found.stream().map(a -> AllocationView.of(a, funderOf.get(a.streamId))).toList()),
                AllocationView::id);
    }

    @POST
    @Path("allocations")
    @RolesAllowed({ Roles.FUNDING_OFFICER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Allocate a stream's money to the partnership for a financial year",
            description = "By the stream's funder's funding officers, for the partnerships of their area.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = AllocationView.class)))
    public Response allocate(@PathParam("partnershipId") String partnershipId, @NotNull @Valid AllocationInput input) {
        FundingStream stream = funders.stream(input.streamId());
        access.fundsFor(partnershipId, stream.funderId);
        Allocation allocation = allocations.allocate(partnershipId, stream, input);
        return EntityTags.created(UriBuilder.fromResource(AllocationResource.class).path("allocations")
                .path(allocation.id.toString()).build(partnershipId), AllocationView.of(allocation, stream.funderId),
                allocation.version);
    }

    @GET
    @Path("allocations/{allocationId}")
    @RolesAllowed({ Roles.FUNDING_OFFICER, Roles.PARTNERSHIP_OFFICER, Roles.ANALYST, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Read one allocation", description = READERS_NOTE)
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AllocationView.class)))
    public Response get(@PathParam("partnershipId") String partnershipId,
            @PathParam("allocationId") UUID allocationId) {
        access.readable(partnershipId);
        Allocation allocation = allocations.find(partnershipId, allocationId);
        return EntityTags.tagged(AllocationView.of(allocation, funders.stream(allocation.streamId).funderId),
                allocation.version);
    }

    @PUT
    @Path("allocations/{allocationId}")
    @RolesAllowed({ Roles.FUNDING_OFFICER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Revise an allocation", description = "Its gross, award date, title and description; the "
            + "stream, year and reference (the end of its 360Giving identifier) stay. Needs its ETag in If-Match.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AllocationView.class)))
    public Response revise(@PathParam("partnershipId") String partnershipId,
            @PathParam("allocationId") UUID allocationId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid AllocationInput input) {
        FundingStream stream = streamOf(partnershipId, allocationId);
        access.fundsFor(partnershipId, stream.funderId);
        Allocation allocation = allocations.revise(partnershipId, allocationId, ifMatch, stream, input);
        return EntityTags.tagged(AllocationView.of(allocation, stream.funderId), allocation.version);
    }

    @POST
    @Path("allocations/{allocationId}/top-slices")
    @RolesAllowed({ Roles.FUNDING_OFFICER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Top-slice an allocation", description = "The funder withholds part of it for a purpose "
            + "of its own; the top-slices never come to more than the gross. If-Match is optional.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = AllocationView.class)))
    public Response topSlice(@PathParam("partnershipId") String partnershipId,
            @PathParam("allocationId") UUID allocationId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid TopSliceInput input) {
        FundingStream stream = streamOf(partnershipId, allocationId);
        access.fundsFor(partnershipId, stream.funderId);
        Allocation allocation = allocations.topSlice(partnershipId, allocationId, ifMatch, input);
        return EntityTags.created(UriBuilder.fromResource(AllocationResource.class).path("allocations")
                .path(allocationId.toString()).build(partnershipId), AllocationView.of(allocation, stream.funderId),
                allocation.version);
    }

    @GET
    @Path("funding-history")
    @RolesAllowed({ Roles.FUNDING_OFFICER, Roles.PARTNERSHIP_OFFICER, Roles.ANALYST, Roles.PLATFORM_ADMIN })
    @Audited(value = "allocation", action = "history")
    @Operation(summary = "Allocations year by year", description = "Of one stream when given, from and to financial "
            + "years (default: the partnership's first and last allocated years). " + READERS_NOTE)
    public FundingHistory history(@PathParam("partnershipId") String partnershipId,
            @QueryParam("stream") UUID streamId, @QueryParam("from") @Min(2000) @Max(2100) Integer from,
            @QueryParam("to") @Min(2000) @Max(2100) Integer to) {
        access.readable(partnershipId);
        List<Allocation> found = allocations.of(partnershipId, null, streamId);
        if (found.isEmpty() && (from == null || to == null)) {
            return FundingHistory.none(partnershipId, streamId);
        }
        int first = from != null ? from : found.get(0).financialYear;
        int last = to != null ? to : found.get(found.size() - 1).financialYear;
        if (first > last) {
            throw new RuleViolated("from: after to");
        }
        List<Allocation> within = found.stream().filter(a -> a.financialYear >= first && a.financialYear <= last)
                .toList();
        audit.records(within.stream().map(a -> a.id).toList());
        return FundingHistory.of(partnershipId, streamId, first, last, within);
    }

    private FundingStream streamOf(String partnershipId, UUID allocationId) {
        access.readable(partnershipId);
        return funders.stream(allocations.find(partnershipId, allocationId).streamId);
    }

    private Map<UUID, String> funderOf(List<Allocation> found) {
        return found.stream().map(a -> a.streamId).distinct().map(funders::stream)
                .collect(Collectors.toMap(s -> s.id, s -> s.funderId, (a, b) -> a));
    }
}
