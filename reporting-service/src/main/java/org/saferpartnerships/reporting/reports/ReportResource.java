package org.saferpartnerships.reporting.reports;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.saferpartnerships.platform.api.EntityTags;
import org.saferpartnerships.platform.audit.Audited;
import org.saferpartnerships.platform.identity.Roles;

@Path("/api/v1/reports/{reportId}")
@Tag(name = "Reports")
@Produces(MediaType.APPLICATION_JSON)
@Audited(value = "report", id = "reportId")
public class ReportResource {

    private final ReportService reports;
    private final ReportAccess access;

    ReportResource(ReportService reports, ReportAccess access) {
        this.reports = reports;
        this.access = access;
    }

    @GET
    @RolesAllowed({ Roles.ANALYST, Roles.PARTNERSHIP_OFFICER, Roles.FUNDING_OFFICER, Roles.PLATFORM_ADMIN,
            Roles.VIEWER })
    @Operation(summary = "Read a report", description = "A published report, as frozen, for anyone who may act for "
            + "its partnership; a draft, assembled now, for the partnership's officers only.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "404", description = "No such report, or one the caller may not read")
    public Response get(@PathParam("reportId") UUID reportId) {
        Report report = access.readable(reports.find(reportId));
        return EntityTags.tagged(ReportView.of(report, reports.contentOf(report)), report.version);
    }

    @POST
    @Path("publish")
    @Audited(action = "publish")
    @RolesAllowed({ Roles.PARTNERSHIP_OFFICER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Publish a report", description = "Freezes the content as assembled now with its SHA-256 "
            + "hash and the event positions it was built from; a published report never changes and viewers may read "
            + "it. Emits report.published.v1. If-Match is optional.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "409", description = "The report was published already")
    public Response publish(@PathParam("reportId") UUID reportId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Report asked = access.readable(reports.find(reportId));
        access.manages(asked.partnershipId);
        Report report = reports.publish(reportId, ifMatch, access.author());
        return EntityTags.tagged(ReportView.of(report, reports.contentOf(report)), report.version);
    }

    @GET
    @Path("reassembly")
    @Audited(action = "reassemble")
    @RolesAllowed({ Roles.PARTNERSHIP_OFFICER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Reassemble a published report", description = "Assembles the report again from the "
            + "projections as they are now and compares: where they stand at the positions the report recorded "
            + "(also after a rebuild from the topics), the content hashes the same.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReportService.Reassembly.class)))
    @APIResponse(responseCode = "400", description = "The report is a draft")
    public ReportService.Reassembly reassembly(@PathParam("reportId") UUID reportId) {
        Report report = access.readable(reports.find(reportId));
        access.manages(report.partnershipId);
        return reports.reassemble(report);
    }
}
