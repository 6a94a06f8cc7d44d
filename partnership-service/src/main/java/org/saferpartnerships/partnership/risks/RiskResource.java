package org.saferpartnerships.partnership.risks;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.Authenticated;

import org.saferpartnerships.partnership.partnerships.PartnershipAccess;
import org.saferpartnerships.platform.api.EntityTags;
import org.saferpartnerships.platform.api.PageRequest;
import org.saferpartnerships.platform.audit.AuditTrail;
import org.saferpartnerships.platform.audit.Audited;
import org.saferpartnerships.platform.identity.Roles;

@Path("/api/v1/partnerships/{partnershipId}/risks")
@Tag(name = "Risks", description = "The partnership's risk register and its likelihood x impact matrix")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Audited(value = "risk", id = "riskId")
public class RiskResource {

    private final RiskService risks;
    private final PartnershipAccess access;
    private final AuditTrail audit;

    RiskResource(RiskService risks, PartnershipAccess access, AuditTrail audit) {
        this.risks = risks;
        this.access = access;
        this.audit = audit;
    }

    @GET
    @Authenticated
    @Operation(summary = "The risk register", description = "Open risks; closed=true includes closed ones.")
    public RestResponse<List<RiskView>> list(@Valid @BeanParam PageRequest page,
            @PathParam("partnershipId") String partnershipId,
            @QueryParam("closed") @DefaultValue("false") boolean includeClosed) {
        access.readable(partnershipId);
        return audit.listed(page.of(risks.register(partnershipId, includeClosed).stream().map(RiskView::of).toList()),
                RiskView::id);
    }

    @GET
    @Path("matrix")
    @Authenticated
    @Operation(summary = "Open risks on the likelihood x impact grid",
            description = "Rows from likelihood 6 (very high) down to 1, columns impact 1 to 4; each cell has "
                    + "its score, rating and the ids of the risks in it.")
    public RiskMatrix matrix(@PathParam("partnershipId") String partnershipId) {
        access.readable(partnershipId);
        List<Risk> open = risks.register(partnershipId, false);
        audit.records(open.stream().map(risk -> risk.id).toList());
        return RiskMatrix.of(partnershipId, open);
    }

    @GET
    @Path("{riskId}")
    @Authenticated
    @Operation(summary = "Read one risk")
    public Response get(@PathParam("partnershipId") String partnershipId, @PathParam("riskId") UUID riskId) {
        access.readable(partnershipId);
        Risk risk = risks.find(partnershipId, riskId);
        return EntityTags.tagged(RiskView.of(risk), risk.version);
    }

    @POST
    @RolesAllowed({ Roles.PARTNERSHIP_OFFICER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Add a risk to the register")
    public Response record(@PathParam("partnershipId") String partnershipId, @NotNull @Valid RiskInput input) {
        access.manageable(partnershipId);
        Risk risk = risks.create(partnershipId, input);
        return EntityTags.created(UriBuilder.fromResource(RiskResource.class).path(risk.id.toString())
                .build(partnershipId), RiskView.of(risk), risk.version);
    }

    @PUT
    @Path("{riskId}")
    @RolesAllowed({ Roles.PARTNERSHIP_OFFICER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Re-assess a risk (or close it); needs its ETag in If-Match")
    public Response reassess(@PathParam("partnershipId") String partnershipId, @PathParam("riskId") UUID riskId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid RiskInput input) {
        access.manageable(partnershipId);
        Risk risk = risks.revise(partnershipId, riskId, ifMatch, input);
        return EntityTags.tagged(RiskView.of(risk), risk.version);
    }
}
