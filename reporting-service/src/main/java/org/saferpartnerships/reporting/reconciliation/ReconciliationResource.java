package org.saferpartnerships.reporting.reconciliation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;

import org.saferpartnerships.platform.audit.Audited;
import org.saferpartnerships.platform.identity.Roles;

@Path("/api/v1/admin/reconciliation")
@Tag(name = "Administration")
@Produces(MediaType.APPLICATION_JSON)
@Audited(value = "incident-counts", action = "reconcile")
public class ReconciliationResource {

    private final Reconciliation reconciliation;

    ReconciliationResource(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @GET
    @Blocking
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Compare the incident counts with incident-service's own totals, per partnership and month",
            description = "Lists every month whose count differs. Right after a write the two may differ until its "
                    + "event is applied; a difference that stays once the consumers have caught up is drift, to be "
                    + "mended by a redrive of dead letters or a rebuild. The last check's number of differing months "
                    + "is also the metric csp_reconciliation_differences.")
    public Reconciliation.Report check(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return reconciliation.check(authorization);
    }
}
