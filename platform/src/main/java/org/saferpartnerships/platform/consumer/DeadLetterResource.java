package org.saferpartnerships.platform.consumer;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;

import org.saferpartnerships.platform.audit.Audited;
import org.saferpartnerships.platform.identity.Roles;

/** The dead letters of this service's consumers, and their redrive once the fault is fixed. */
@Path("/api/v1/admin/dead-letters")
@Tag(name = "Administration")
@Produces(MediaType.APPLICATION_JSON)
@Audited(value = "dead-letter-queue", id = "consumerGroup")
public class DeadLetterResource {

    private final DeadLetterRedrive redrive;

    DeadLetterResource(DeadLetterRedrive redrive) {
        this.redrive = redrive;
    }

    @GET
    @Blocking
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Each consumer group's dead-letter topic: letters held, and how many are not redriven yet")
    public List<DeadLetterRedrive.DeadLetterQueue> queues() {
        return redrive.queues();
    }

    @POST
    @Path("{consumerGroup}/redrive")
    @Blocking
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Audited(action = "redrive")
    @Operation(summary = "Apply the group's dead letters again, after the fault that sent them there is fixed",
            description = "Each letter is applied once: one the consumer applied meanwhile is skipped, so a redrive "
                    + "may be repeated. A letter that fails again stops the redrive and is named in `failed`; "
                    + "the next redrive starts with it. Unreadable letters are passed over and counted.")
    public DeadLetterRedrive.Redrive redrive(@PathParam("consumerGroup") String consumerGroup) {
        return redrive.redrive(consumerGroup);
    }
}
