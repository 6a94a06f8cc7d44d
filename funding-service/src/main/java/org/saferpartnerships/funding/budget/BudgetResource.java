package org.saferpartnerships.funding.budget;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.saferpartnerships.funding.partnerships.FundingAccess;
import org.saferpartnerships.platform.audit.Audited;
import org.saferpartnerships.platform.domain.NoSuchRecord;
import org.saferpartnerships.platform.identity.Roles;

@Path("/api/v1/partnerships/{partnershipId}/budget")
@Tag(name = "Budget", description = "The partnership's budget position per financial year, and its year-end")
@Produces(MediaType.APPLICATION_JSON)
@Audited(value = "budget", id = "partnershipId")
public class BudgetResource {

    private final BudgetService budgets;
    private final FinancialYears years;
    private final FundingAccess access;

    BudgetResource(BudgetService budgets, FinancialYears years, FundingAccess access) {
        this.budgets = budgets;
        this.years = years;
        this.access = access;
    }

    @GET
    @RolesAllowed({ Roles.FUNDING_OFFICER, Roles.PARTNERSHIP_OFFICER, Roles.ANALYST, Roles.VIEWER,
            Roles.PLATFORM_ADMIN })
    @Operation(summary = "The budget position of a financial year", description = "Per stream and in total: gross "
            + "allocated, top-sliced, net, carried forward in, available, committed, spent, remaining, forecast "
            + "outturn and anticipated underspend (overspent flags a negative one). Viewers of the partnership see it "
            + "once the year is published or closed; any caller outside the partnership gets 404.")
    public BudgetPosition position(@PathParam("partnershipId") String partnershipId,
            @Parameter(description = "The calendar year the financial year starts in: 2021 is 2021/22")
            @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year) {
        FinancialYear financialYear = new FinancialYear(year);
        if (access.readableByViewer(partnershipId)
                && years.statusOf(partnershipId, financialYear) == YearStatus.OPEN) {
            throw new NoSuchRecord("No published budget of " + partnershipId + " for " + financialYear.label());
        }
        return budgets.position(partnershipId, financialYear);
    }
}
