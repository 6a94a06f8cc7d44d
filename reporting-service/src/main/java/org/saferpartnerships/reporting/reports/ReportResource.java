package org.saferpartnerships.reporting.reports;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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

    static final String PDF = "application/pdf";
    private static final List<Variant> VARIANTS = Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE,
            MediaType.TEXT_HTML_TYPE, MediaType.valueOf(PDF)).build();

    private final ReportService reports;
    private final ReportAccess access;
    private final ReportDocument document;

    ReportResource(ReportService reports, ReportAccess access, ReportDocument document) {
        this.reports = reports;
        this.access = access;
        this.document = document;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, PDF })
    @RolesAllowed({ Roles.ANALYST, Roles.PARTNERSHIP_OFFICER, Roles.FUNDING_OFFICER, Roles.PLATFORM_ADMIN,
            Roles.VIEWER })
    @Operation(summary = "Read a report", description = "A published report, as frozen, for anyone who may act for "
            + "its partnership; a draft, assembled now, for the partnership's officers only. By Accept: JSON (the "
            + "sections, for a frontend), text/html (a printable page with its charts as inline SVG, nothing "
            + "fetched) or application/pdf (the same page).")
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "404", description = "No such report, or one the caller may not read")
    public Response get(@PathParam("reportId") UUID reportId, @Context Request request) {
        Report report = access.readable(reports.find(reportId));
        ScrutinyReport content = reports.contentOf(report);
        MediaType type = Optional.ofNullable(request.selectVariant(VARIANTS)).map(Variant::getMediaType)
                .orElse(MediaType.APPLICATION_JSON_TYPE);
        String file = "report-" + report.partnershipId + "-" + report.financialYear + "-" + report.id;
        if (type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
            return Response.ok(document.html(report, content), MediaType.TEXT_HTML + "; charset=UTF-8")
                    .tag(EntityTags.of(report.version)).build();
        }
        if (type.isCompatible(MediaType.valueOf(PDF))) {
            return Response.ok(document.pdf(report, content), PDF).tag(EntityTags.of(report.version))
                    .header("Content-Disposition", "inline; filename=\"" + file + ".pdf\"").build();
        }
        return EntityTags.tagged(ReportView.of(report, content), report.version);
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
