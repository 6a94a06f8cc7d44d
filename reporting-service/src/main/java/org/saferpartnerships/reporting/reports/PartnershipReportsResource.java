package org.saferpartnerships.reporting.reports;

import java.util.List;

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

import org.saferpartnerships.platform.api.EntityTags;
import org.saferpartnerships.platform.api.PageRequest;
import org.saferpartnerships.platform.audit.AuditTrail;
import org.saferpartnerships.platform.audit.Audited;
import org.saferpartnerships.platform.identity.Roles;

@Path("/api/v1/partnerships/{partnershipId}/reports")
@Tag(name = "Reports")
@Produces(MediaType.APPLICATION_JSON)
@Audited("report")
public class PartnershipReportsResource {

    private final ReportService reports;
    private final ReportAccess access;
    private final AuditTrail audit;

    PartnershipReportsResource(ReportService reports, ReportAccess access, AuditTrail audit) {
        this.reports = reports;
        this.access = access;
        this.audit = audit;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PARTNERSHIP_OFFICER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Draft a report", description = "By the partnership's officers: a scrutiny report for a "
            + "financial year, its performance period ending with asOf (a month of the year; by default March). The "
            + "draft is assembled from the projections whenever it is read, until it is published.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "400", description = "A malformed request, or asOf outside the financial year")
    @APIResponse(responseCode = "404", description = "A partnership the caller may not see")
    public Response draft(@PathParam("partnershipId") String partnershipId, @NotNull @Valid ReportRequest request) {
        access.manages(partnershipId);
        Report report = reports.draft(partnershipId, request, access.author());
        audit.record(report.id);
        return EntityTags.created(UriBuilder.fromResource(ReportResource.class).build(report.id),
                ReportView.of(report, reports.contentOf(report)), report.version);
    }

    @GET
    @RolesAllowed({ Roles.ANALYST, Roles.PARTNERSHIP_OFFICER, Roles.FUNDING_OFFICER, Roles.PLATFORM_ADMIN,
            Roles.VIEWER })
    @Operation(summary = "The partnership's reports", description = "Published reports, newest first, for anyone who "
            + "may act for the partnership; its officers also see the drafts.")
    public RestResponse<List<ReportSummary>> list(@Valid @BeanParam PageRequest page,
            @PathParam("partnershipId") String partnershipId) {
        access.readsPublished(partnershipId);
        return audit.listed(page.of(reports.of(partnershipId, access.draftsOf(partnershipId)).stream()
                .map(ReportSummary::of).toList()), ReportSummary::id);
    }
}
