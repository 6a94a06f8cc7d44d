package org.saferpartnerships.incident.totals;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;

import org.saferpartnerships.platform.audit.Audited;
import org.saferpartnerships.platform.identity.Roles;

@Path("/api/v1/admin/incident-totals")
@Tag(name = "Administration")
@Produces(MediaType.APPLICATION_JSON)
@Audited("incident-totals")
public class IncidentTotalsResource {

    private final IncidentTotals totals;

    IncidentTotalsResource(IncidentTotals totals) {
        this.totals = totals;
    }

    @GET
    @Blocking
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Incidents held per partnership and month of occurrence, withdrawn ones left out",
            description = "Unsuppressed and for platform admins only: reporting-service reconciles its projections "
                    + "against these figures.")
    public List<IncidentTotals.MonthTotal> perPartnershipAndMonth() {
        return totals.perPartnershipAndMonth();
    }
}
