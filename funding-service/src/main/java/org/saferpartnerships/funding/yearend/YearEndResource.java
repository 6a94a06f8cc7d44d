package org.saferpartnerships.funding.yearend;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.saferpartnerships.funding.budget.BudgetPosition;
import org.saferpartnerships.funding.budget.BudgetService;
import org.saferpartnerships.funding.budget.FinancialYear;
import org.saferpartnerships.funding.partnerships.FundingAccess;
import org.saferpartnerships.platform.audit.Audited;
import org.saferpartnerships.platform.identity.Roles;

@Path("/api/v1/partnerships/{partnershipId}/budget/{year}")
@Tag(name = "Budget")
@Produces(MediaType.APPLICATION_JSON)
@Audited(value = "budget", id = "partnershipId")
public class YearEndResource {

    private final YearEnd yearEnd;
    private final BudgetService budgets;
    private final FundingAccess access;

    YearEndResource(YearEnd yearEnd, BudgetService budgets, FundingAccess access) {
        this.yearEnd = yearEnd;
        this.budgets = budgets;
        this.access = access;
    }

    @POST
    @Path("publication")
    @Audited(action = "publish")
    @RolesAllowed({ Roles.PARTNERSHIP_OFFICER, Roles.FUNDING_OFFICER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Publish a year's budget position to the partnership's viewers",
            description = "By the partnership's officers, or the funding officers of a funder that funds it that year "
                    + "(an allocation, or money carried in); other funding officers get 403.")
    public BudgetPosition publish(@PathParam("partnershipId") String partnershipId,
            @PathParam("year") @Min(2000) @Max(2100) int year) {
        FinancialYear financialYear = new FinancialYear(year);
        access.publishes(partnershipId, budgets.fundersOf(partnershipId, financialYear));
        return yearEnd.publish(partnershipId, financialYear);
    }

    @POST
    @Path("closure")
    @Audited(action = "close")
    @RolesAllowed({ Roles.PARTNERSHIP_OFFICER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "Close a financial year", description = "By the partnership's officers: fixes each stream's "
            + "outturn at what was spent, asks that each stream's underspend be carried forward (the funder decides), "
            + "and freezes the year's allocations, initiatives and spend.")
    public BudgetPosition close(@PathParam("partnershipId") String partnershipId,
            @PathParam("year") @Min(2000) @Max(2100) int year) {
        access.manages(partnershipId);
        return yearEnd.close(partnershipId, new FinancialYear(year));
    }
}
