package org.saferpartnerships.reporting.replay;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;

import org.saferpartnerships.platform.audit.Audited;
import org.saferpartnerships.platform.identity.Roles;

@Path("/api/v1/admin/projections")
@Tag(name = "Administration")
@Produces(MediaType.APPLICATION_JSON)
@Audited("projection")
public class ProjectionAdminResource {

    /** What a rebuild answers straight away; feeds show progress through their freshness. */
    public record RebuildStarted(String status, String detail) {
    }

    /** Whether the projections are current, or which partitions a rebuild is still replaying. */
    public record ProjectionStatus(String status, List<Replaying> replaying) {
    }

    public record Replaying(String topic, int partition, long untilOffset) {
    }

    private final ProjectionRebuild rebuild;
    private final PendingReplays replays;

    ProjectionAdminResource(ProjectionRebuild rebuild, PendingReplays replays) {
        this.rebuild = rebuild;
        this.replays = replays;
    }

    @GET
    @Blocking
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Whether a rebuild is still replaying, and which partitions")
    public ProjectionStatus status() {
        List<Replaying> replaying = replays.pending().stream()
                .map(p -> new Replaying(p.topic(), p.partition(), p.untilOffset())).toList();
        return new ProjectionStatus(replaying.isEmpty() ? "current" : "replaying", replaying);
    }

    @POST
    @Path("rebuild")
    @Blocking
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Audited(action = "rebuild")
    @Operation(summary = "Rebuild the projections by replaying every topic from the beginning",
            description = "For a projection whose shape changed, or to prove the read side is derived only "
                    + "from events. The replay fills a new generation of the tables beside the live one; "
                    + "feeds answer from the live tables, complete as of the start of the rebuild (their "
                    + "freshness says so), until the replay has caught up and the rebuilt tables take their place.")
    @APIResponse(responseCode = "202", description = "Replay started")
    public Response rebuild() {
        rebuild.rebuild();
        return Response.accepted(new RebuildStarted("replaying",
                "incident.events, partnership.events and funding.events are being replayed from offset 0 into new "
                        + "projection tables; feeds answer from the current ones until the replay has caught up"))
                .build();
    }
}
