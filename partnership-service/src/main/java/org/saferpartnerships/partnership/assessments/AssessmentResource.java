package org.saferpartnerships.partnership.assessments;

import java.time.LocalDate;
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

@Path("/api/v1/partnerships/{partnershipId}/assessments")
@Tag(name = "Strategic assessments", description = "The yearly assessment of crime and ASB, scored and ranked")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Audited(value = "strategic-assessment", id = "assessmentId")
public class AssessmentResource {

    /** An assessment as the API returns it, with its issues ranked by weighted score. */
    public record AssessmentView(UUID id, String partnershipId, LocalDate periodStart, LocalDate periodEnd,
            StrategicAssessment.Status status, LocalDate finalisedOn, List<AssessmentInput.Criterion> criteria,
            List<AssessmentInput.CandidateIssue> issues, List<StrategicAssessment.RankedIssue> ranking, long version) {
        static AssessmentView of(StrategicAssessment a) {
            return new AssessmentView(a.id, a.partnershipId, a.periodStart, a.periodEnd, a.status, a.finalisedOn,
                    a.criteria, a.issues, a.ranking(), a.version);
        }
    }

    private final AssessmentService assessments;
    private final PartnershipAccess access;
    private final AuditTrail audit;

    AssessmentResource(AssessmentService assessments, PartnershipAccess access, AuditTrail audit) {
        this.assessments = assessments;
        this.access = access;
        this.audit = audit;
    }

    @GET
    @Authenticated
    @Operation(summary = "The partnership's assessments, newest first")
    public RestResponse<List<AssessmentView>> list(@Valid @BeanParam PageRequest page,
            @PathParam("partnershipId") String partnershipId) {
        access.readable(partnershipId);
        List<AssessmentView> all = StrategicAssessment.<StrategicAssessment>list(
                "partnershipId = ?1 order by periodStart desc", partnershipId).stream().map(AssessmentView::of).toList();
        return audit.listed(page.of(all), AssessmentView::id);
    }

    @GET
    @Path("{assessmentId}")
    @Authenticated
    @Operation(summary = "Read one assessment with its ranking")
    public Response get(@PathParam("partnershipId") String partnershipId,
            @PathParam("assessmentId") UUID assessmentId) {
        access.readable(partnershipId);
        StrategicAssessment assessment = assessments.find(partnershipId, assessmentId);
        return EntityTags.tagged(AssessmentView.of(assessment), assessment.version);
    }

    @POST
    @RolesAllowed({ Roles.PARTNERSHIP_OFFICER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Draft the assessment of a year (1 October - 30 September)")
    public Response draft(@PathParam("partnershipId") String partnershipId, @NotNull @Valid AssessmentInput input) {
        access.manageable(partnershipId);
        StrategicAssessment assessment = assessments.create(partnershipId, input);
        return EntityTags.created(UriBuilder.fromResource(AssessmentResource.class).path(assessment.id.toString())
                .build(partnershipId), AssessmentView.of(assessment), assessment.version);
    }

    @PUT
    @Path("{assessmentId}")
    @RolesAllowed({ Roles.PARTNERSHIP_OFFICER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Revise a draft: matrix, issues, scores", description = "409 once finalised.")
    public Response revise(@PathParam("partnershipId") String partnershipId,
            @PathParam("assessmentId") UUID assessmentId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid AssessmentInput input) {
        access.manageable(partnershipId);
        StrategicAssessment assessment = assessments.revise(partnershipId, assessmentId, ifMatch, input);
        return EntityTags.tagged(AssessmentView.of(assessment), assessment.version);
    }

    @POST
    @Path("{assessmentId}/finalisation")
    @Audited(action = "finalise")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ Roles.PARTNERSHIP_OFFICER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Finalise the assessment; it is read-only afterwards")
    public Response finalise(@PathParam("partnershipId") String partnershipId,
            @PathParam("assessmentId") UUID assessmentId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        access.manageable(partnershipId);
        StrategicAssessment assessment = assessments.finalise(partnershipId, assessmentId, ifMatch);
        return EntityTags.tagged(AssessmentView.of(assessment), assessment.version);
    }
}
