package org.saferpartnerships.partnership.governance;

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

@Path("/api/v1/partnerships/{partnershipId}")
@Tag(name = "Governance", description = "Boards and groups of a partnership, their meetings and decisions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class GovernanceResource {

    /** A body as the API returns it. */
    public record BodyView(UUID id, String partnershipId, String name, BodyKind kind, Cadence cadence, long version) {
        static BodyView of(GovernanceBody b) {
            return new BodyView(b.id, b.partnershipId, b.name, b.kind, b.cadence, b.version);
        }
    }

    /** A meeting as the API returns it. */
    public record MeetingView(UUID id, String partnershipId, UUID bodyId, java.time.LocalDate heldOn,
            List<String> attendingAgencies, List<MeetingInput.Decision> decisions, long version) {
        static MeetingView of(Meeting m) {
            return new MeetingView(m.id, m.partnershipId, m.bodyId, m.heldOn, m.attendingAgencies, m.decisions,
                    m.version);
        }
    }

    private final GovernanceBodyService bodies;
    private final MeetingService meetings;
    private final PartnershipAccess access;
    private final AuditTrail audit;

    GovernanceResource(GovernanceBodyService bodies, MeetingService meetings, PartnershipAccess access,
            AuditTrail audit) {
        this.bodies = bodies;
        this.meetings = meetings;
        this.access = access;
        this.audit = audit;
    }

    @GET
    @Path("bodies")
    @Authenticated
    @Audited("governance-body")
    @Operation(summary = "The partnership's boards and groups")
    public RestResponse<List<BodyView>> bodies(@Valid @BeanParam PageRequest page,
            @PathParam("partnershipId") String partnershipId) {
        access.readable(partnershipId);
        return audit.listed(page.of(GovernanceBody.<GovernanceBody>list("partnershipId = ?1 order by name",
                partnershipId).stream().map(BodyView::of).toList()), BodyView::id);
    }

    @GET
    @Path("bodies/{bodyId}")
    @Authenticated
    @Audited(value = "governance-body", id = "bodyId")
    @Operation(summary = "Read one body")
    public Response body(@PathParam("partnershipId") String partnershipId, @PathParam("bodyId") UUID bodyId) {
        access.readable(partnershipId);
        GovernanceBody body = bodies.find(partnershipId, bodyId);
        return EntityTags.tagged(BodyView.of(body), body.version);
    }

    @POST
    @Path("bodies")
    @RolesAllowed({ Roles.PARTNERSHIP_OFFICER, Roles.PLATFORM_ADMIN })
    @Audited("governance-body")
    @Operation(summary = "Set up a body")
    public Response setUp(@PathParam("partnershipId") String partnershipId, @NotNull @Valid BodyInput input) {
        access.manageable(partnershipId);
        GovernanceBody body = bodies.create(partnershipId, input);
        return EntityTags.created(UriBuilder.fromResource(GovernanceResource.class).path("bodies/" + body.id)
                .build(partnershipId), BodyView.of(body), body.version);
    }

    @PUT
    @Path("bodies/{bodyId}")
    @RolesAllowed({ Roles.PARTNERSHIP_OFFICER, Roles.PLATFORM_ADMIN })
    @Audited(value = "governance-body", id = "bodyId")
    @Operation(summary = "Change a body; needs its ETag in If-Match")
    public Response changeBody(@PathParam("partnershipId") String partnershipId, @PathParam("bodyId") UUID bodyId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid BodyInput input) {
        access.manageable(partnershipId);
        GovernanceBody body = bodies.revise(partnershipId, bodyId, ifMatch, input);
        return EntityTags.tagged(BodyView.of(body), body.version);
    }

    @GET
    @Path("meetings")
    @Authenticated
    @Audited("meeting")
    @Operation(summary = "Meetings of the partnership's bodies, newest first")
    public RestResponse<List<MeetingView>> meetings(@Valid @BeanParam PageRequest page,
            @PathParam("partnershipId") String partnershipId) {
        access.readable(partnershipId);
        return audit.listed(page.of(Meeting.<Meeting>list("partnershipId = ?1 order by heldOn desc",
                partnershipId).stream().map(MeetingView::of).toList()), MeetingView::id);
    }

    @GET
    @Path("meetings/{meetingId}")
    @Authenticated
    @Audited(value = "meeting", id = "meetingId")
    @Operation(summary = "Read one meeting")
    public Response meeting(@PathParam("partnershipId") String partnershipId,
            @PathParam("meetingId") UUID meetingId) {
        access.readable(partnershipId);
        Meeting meeting = meetings.find(partnershipId, meetingId);
        return EntityTags.tagged(MeetingView.of(meeting), meeting.version);
    }

    @POST
    @Path("meetings")
    @RolesAllowed({ Roles.PARTNERSHIP_OFFICER, Roles.PLATFORM_ADMIN })
    @Audited("meeting")
    @Operation(summary = "Record a meeting: attendance and decisions")
    public Response record(@PathParam("partnershipId") String partnershipId, @NotNull @Valid MeetingInput input) {
        access.manageable(partnershipId);
        Meeting meeting = meetings.create(partnershipId, input);
        return EntityTags.created(UriBuilder.fromResource(GovernanceResource.class).path("meetings/" + meeting.id)
                .build(partnershipId), MeetingView.of(meeting), meeting.version);
    }

    @PUT
    @Path("meetings/{meetingId}")
    @RolesAllowed({ Roles.PARTNERSHIP_OFFICER, Roles.PLATFORM_ADMIN })
    @Audited(value = "meeting", id = "meetingId")
    @Operation(summary = "Correct a meeting's record; needs its ETag in If-Match")
    public Response correct(@PathParam("partnershipId") String partnershipId, @PathParam("meetingId") UUID meetingId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid MeetingInput input) {
        access.manageable(partnershipId);
        Meeting meeting = meetings.revise(partnershipId, meetingId, ifMatch, input);
        return EntityTags.tagged(MeetingView.of(meeting), meeting.version);
    }
}
