package org.saferpartnerships.partnership.plans;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

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
import org.saferpartnerships.platform.api.HttpProblem;
import org.saferpartnerships.platform.api.PageRequest;
import org.saferpartnerships.platform.audit.AuditTrail;
import org.saferpartnerships.platform.audit.Audited;
import org.saferpartnerships.platform.identity.Caller;
import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.platform.partnership.ActionStatus;

@Path("/api/v1/partnerships/{partnershipId}/plans/{year}/actions")
@Tag(name = "Action plans", description = "The annual partnership plan: actions, owners, milestones, progress")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Audited(value = "action", id = "actionId")
public class ActionPlanResource {

    /** An action as the API returns it. */
    public record ActionView(UUID id, String partnershipId, int financialYear, UUID priorityId, String title,
            String ownerAgencyId, LocalDate startOn, LocalDate dueOn, ActionStatus status,
            List<ActionInput.Milestone> milestones, List<ActionInput.Measure> measures,
            List<ProgressUpdate.Entry> progress, long version) {
        static ActionView of(PlanAction a) {
            return new ActionView(a.id, a.partnershipId, a.financialYear, a.priorityId, a.title, a.ownerAgencyId,
                    a.startOn, a.dueOn, a.status, a.milestones, a.measures, a.progress, a.version);
        }
    }

    private final ActionPlanService plans;
    private final PartnershipAccess access;
    private final Caller caller;
    private final AuditTrail audit;

    ActionPlanResource(ActionPlanService plans, PartnershipAccess access, Caller caller, AuditTrail audit) {
        this.plans = plans;
        this.access = access;
        this.caller = caller;
        this.audit = audit;
    }

    @GET
    @Authenticated
    @Operation(summary = "The plan of a financial year (2021 = April 2021 - March 2022)")
    public RestResponse<List<ActionView>> plan(@Valid @BeanParam PageRequest page,
            @PathParam("partnershipId") String partnershipId,
            @PathParam("year") @Min(1998) @Max(2100) int year) {
        access.readable(partnershipId);
        return audit.listed(page.of(plans.plan(partnershipId, year).stream().map(ActionView::of).toList()),
                ActionView::id);
    }

    @GET
    @Path("{actionId}")
    @Authenticated
    @Operation(summary = "Read one action with its progress reports")
    public Response get(@PathParam("partnershipId") String partnershipId,
            @PathParam("year") @Min(1998) @Max(2100) int year, @PathParam("actionId") UUID actionId) {
        access.readable(partnershipId);
        PlanAction action = plans.find(partnershipId, year, actionId);
        return EntityTags.tagged(ActionView.of(action), action.version);
    }

    @POST
    @RolesAllowed({ Roles.PARTNERSHIP_OFFICER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Add an action to the plan")
    public Response add(@PathParam("partnershipId") String partnershipId,
            @PathParam("year") @Min(1998) @Max(2100) int year, @NotNull @Valid ActionInput input) {
        access.manageable(partnershipId);
        PlanAction action = plans.add(partnershipId, year, input);
        return EntityTags.created(UriBuilder.fromResource(ActionPlanResource.class).path(action.id.toString())
                .build(partnershipId, year), ActionView.of(action), action.version);
    }

    @PUT
    @Path("{actionId}")
    @RolesAllowed({ Roles.PARTNERSHIP_OFFICER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Change an action; needs its ETag in If-Match")
    public Response change(@PathParam("partnershipId") String partnershipId,
            @PathParam("year") @Min(1998) @Max(2100) int year, @PathParam("actionId") UUID actionId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid ActionInput input) {
        access.manageable(partnershipId);
        PlanAction action = plans.change(partnershipId, year, actionId, ifMatch, input);
        return EntityTags.tagged(ActionView.of(action), action.version);
    }

    @POST
    @Path("{actionId}/progress")
    @Audited(action = "report-progress")
    @RolesAllowed({ Roles.AGENCY_SUBMITTER, Roles.PARTNERSHIP_OFFICER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Report progress on an action", description = "The owner agency's submitters report on "
            + "their own actions; the partnership's officers on any.")
    public Response report(@PathParam("partnershipId") String partnershipId,
            @PathParam("year") @Min(1998) @Max(2100) int year, @PathParam("actionId") UUID actionId,
            @NotNull @Valid ProgressUpdate update) {
        access.readable(partnershipId);
        PlanAction action = plans.find(partnershipId, year, actionId);
        boolean owner = caller.hasRole(Roles.AGENCY_SUBMITTER)
                && caller.agencyId().filter(action.ownerAgencyId::equals).isPresent();
        if (!owner && !access.managesPartnership(partnershipId)) {
            throw HttpProblem.valueOf(Response.Status.FORBIDDEN,
                    "Only " + action.ownerAgencyId + " and the partnership's officers report on this action");
        }
        PlanAction reported = plans.report(action, update, caller.name(), caller.agencyId().orElse(null));
        return EntityTags.tagged(ActionView.of(reported), reported.version);
    }
}
