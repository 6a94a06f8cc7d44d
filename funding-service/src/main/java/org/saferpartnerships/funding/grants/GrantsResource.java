package org.saferpartnerships.funding.grants;

import java.util.function.Predicate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.saferpartnerships.funding.budget.FinancialYear;
import org.saferpartnerships.funding.funders.Funder;
import org.saferpartnerships.funding.funders.FunderService;
import org.saferpartnerships.funding.partnerships.FundingAccess;
import org.saferpartnerships.platform.api.HttpProblem;
import org.saferpartnerships.platform.audit.Audited;
import org.saferpartnerships.platform.identity.Roles;

@Path("/api/v1/grants")
@Tag(name = "Grants", description = "Funders' grants published to the 360Giving Data Standard")
@Audited(value = "grant")
public class GrantsResource {

    private static final MediaType CSV = MediaType.valueOf(GrantsCsv.MEDIA_TYPE);

    private static final String JSON_EXAMPLE = """
            {"grants": [{"id": "360G-essexpfcc-CSP-2021-CPR", "title": "Community Safety Partnership grant 2021/22",
              "description": "Annual grant to Castle Point and Rochford Community Safety Partnership. Gross £12,337.00; \
            top-sliced by the funder: £1,708.00 for Centralised Domestic Homicide Review process; net £10,629.00.",
              "currency": "GBP", "amountAwarded": 10629.00, "awardDate": "2021-04-01",
              "plannedDates": [{"startDate": "2021-04-01", "endDate": "2022-03-31"}],
              "recipientOrganization": [{"id": "360G-essexpfcc-CSP-castle-point-rochford",
                                         "name": "Castle Point and Rochford Community Safety Partnership"}],
              "fundingOrganization": [{"id": "GB-GOVUK-essex-pfcc",
                                       "name": "Police, Fire and Crime Commissioner for Essex"}],
              "grantProgramme": [{"title": "Community Safety Partnership grant"}]}]}""";

    private static final String CSV_EXAMPLE = """
            Identifier,Title,Description,Currency,Amount Awarded,Award Date,Planned Dates:Start Date,\
            Planned Dates:End Date,Recipient Org:Identifier,Recipient Org:Name,Funding Org:Identifier,Funding Org:Name,\
            Grant Programme:Title\r
            360G-essexpfcc-CSP-2021-CPR,Community Safety Partnership grant 2021/22,"Annual grant to Castle Point and \
            Rochford Community Safety Partnership. Gross £12,337.00; top-sliced by the funder: £1,708.00 for \
            Centralised Domestic Homicide Review process; net £10,629.00.",GBP,10629.00,2021-04-01,2021-04-01,\
            2022-03-31,360G-essexpfcc-CSP-castle-point-rochford,Castle Point and Rochford Community Safety Partnership,\
            GB-GOVUK-essex-pfcc,"Police, Fire and Crime Commissioner for Essex",Community Safety Partnership grant\r
            """;

    private final FunderService funders;
    private final FundingAccess access;
    private final ThreeSixtyGivingExport export;

    GrantsResource(FunderService funders, FundingAccess access, ThreeSixtyGivingExport export) {
        this.funders = funders;
        this.access = access;
        this.export = export;
    }

    @GET
    @Path("360giving")
    @Produces({ MediaType.APPLICATION_JSON, GrantsCsv.MEDIA_TYPE })
    @RolesAllowed({ Roles.FUNDING_OFFICER, Roles.PLATFORM_ADMIN })
    @Operation(summary = "A funder's grants of a financial year, to the 360Giving Data Standard",
            description = "Every allocation of the funder's streams for the year, one grant each: as a 360Giving "
                    + "data package (JSON, the default) or, with Accept: text/csv, as the standard's spreadsheet "
                    + "with its column titles. The amount awarded is the net, what reaches the partnership; the "
                    + "description states any top-slice with the gross. A year without grants gives an empty list. "
                    + "By the funder's own funding officers, with the grants to the partnerships of their area (their "
                    + "token), and platform admins, with all.")
    @APIResponse(responseCode = "200", description = "The funder's grants of the year", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GrantPackage.class),
                    examples = @ExampleObject(name = "2021/22", value = JSON_EXAMPLE)),
            @Content(mediaType = GrantsCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "2021/22", value = CSV_EXAMPLE)) })
    @APIResponse(responseCode = "400", description = "A missing or malformed funder or year; one violation per "
            + "parameter", content = @Content(mediaType = HttpProblem.MEDIA_TYPE, examples = @ExampleObject(
                    name = "invalid", value = """
                            {"status": 400, "title": "Bad Request", "instance": "/api/v1/grants/360giving",
                             "violations": [{"field": "year", "in": "query",
                               "message": "must be a year from 2000 to 2100"}]}""")))
    @APIResponse(responseCode = "401", description = "No valid token for this API")
    @APIResponse(responseCode = "403", description = "Not one of the funder's funding officers, nor a platform admin")
    @APIResponse(responseCode = "404", description = "No such funder")
    public Response threeSixtyGiving(
            @Parameter(description = "The funder's id", example = "essex-pfcc")
            @QueryParam("funder") @NotBlank @Size(max = 100)
            @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be a funder's id, e.g. essex-pfcc")
            String funderId,
            @Parameter(description = "The calendar year the financial year starts in: 2021 is 1 April 2021 to 31 "
                    + "March 2022", example = "2021")
            // Text with a pattern, so a year that is no number is refused with the same violation as any other.
            @QueryParam("year") @NotNull @Pattern(regexp = "20[0-9]{2}|2100", message = "must be a year from "
                    + FinancialYear.EARLIEST + " to " + FinancialYear.LATEST) String year,
            @Context HttpHeaders headers) {
        Funder funder = funders.find(funderId);
        Predicate<String> seenPartnerships = access.grantsSeenOf(funder.id);
        FinancialYear financialYear = new FinancialYear(Integer.parseInt(year));
        GrantPackage grants = export.grants(funder, financialYear, seenPartnerships);
        if (wantsCsv(headers)) {
            String file = "360giving-" + funder.id + "-" + financialYear.label().replace('/', '-') + ".csv";
            return Response.ok(GrantsCsv.of(grants), GrantsCsv.MEDIA_TYPE + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
        }
        return Response.ok(grants, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The caller's most preferred of the two; JSON where it takes either (no Accept, any type). */
    private static boolean wantsCsv(HttpHeaders headers) {
        for (MediaType acceptable : headers.getAcceptableMediaTypes()) {
            if (acceptable.isWildcardType()) {
                return false;
            }
            if (acceptable.isCompatible(CSV)) {
                return true;
            }
            if (acceptable.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }
}
