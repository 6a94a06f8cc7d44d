package org.saferpartnerships.partnership.strategies;

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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.Authenticated;

import org.saferpartnerships.partnership.partnerships.PartnershipAccess;
import org.saferpartnerships.platform.api.EntityTags;
import org.saferpartnerships.platform.api.PageRequest;
import org.saferpartnerships.platform.audit.AuditTrail;
import org.saferpartnerships.platform.audit.Audited;
import org.saferpartnerships.platform.identity.Roles;

@Path("/api/v1/partnerships/{partnershipId}/strategies")
@Tag(name = "Strategies", description = "Three-year strategies with focus areas, outcomes and yearly reviews")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Audited(value = "strategy", id = "strategyId")
public class StrategyResource {

    /** A strategy as the API returns it. */
    public record StrategyView(UUID id, String partnershipId, String title, int startYear, int endYear,
            List<String> focusAreas, List<StrategyInput.Outcome> outcomes, List<StrategyInput.Review> reviews,
            long version) {
        static StrategyView of(Strategy s) {
            return new StrategyView(s.id, s.partnershipId, s.title, s.startYear, s.endYear, s.focusAreas,
                    s.outcomes, s.reviews, s.version);
        }
    }

    private final StrategyService strategies;
    private final PartnershipAccess access;
    private final AuditTrail audit;

    StrategyResource(StrategyService strategies, PartnershipAccess access, AuditTrail audit) {
        this.strategies = strategies;
        this.access = access;
        this.audit = audit;
    }

    @GET
    @Authenticated
    @Operation(summary = "The partnership's strategies, newest first")
    public RestResponse<List<StrategyView>> list(@Valid @BeanParam PageRequest page,
            @PathParam("partnershipId") String partnershipId) {
        access.readable(partnershipId);
        List<StrategyView> all = Strategy.<Strategy>list("partnershipId = ?1 order by startYear desc", partnershipId)
                .stream().map(StrategyView::of).toList();
        return audit.listed(page.of(all), StrategyView::id);
    }

    @GET
    @Path("{strategyId}")
    @Authenticated
    @Operation(summary = "Read one strategy")
    public Response get(@PathParam("partnershipId") String partnershipId, @PathParam("strategyId") UUID strategyId) {
        access.readable(partnershipId);
        Strategy strategy = strategies.find(partnershipId, strategyId);
        return EntityTags.tagged(StrategyView.of(strategy), strategy.version);
    }

    @POST
    @RolesAllowed({ Roles.PARTNERSHIP_OFFICER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Record a strategy")
    public Response write(@PathParam("partnershipId") String partnershipId, @NotNull @Valid StrategyInput input) {
        access.manageable(partnershipId);
        Strategy strategy = strategies.create(partnershipId, input);
        return EntityTags.created(UriBuilder.fromResource(StrategyResource.class).path(strategy.id.toString())
                .build(partnershipId), StrategyView.of(strategy), strategy.version);
    }

    @PUT
    @Path("{strategyId}")
    @RolesAllowed({ Roles.PARTNERSHIP_OFFICER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Revise a strategy or add its yearly review; needs its ETag in If-Match")
    public Response revise(@PathParam("partnershipId") String partnershipId, @PathParam("strategyId") UUID strategyId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid StrategyInput input) {
        access.manageable(partnershipId);
        Strategy strategy = strategies.revise(partnershipId, strategyId, ifMatch, input);
        return EntityTags.tagged(StrategyView.of(strategy), strategy.version);
    }
}
