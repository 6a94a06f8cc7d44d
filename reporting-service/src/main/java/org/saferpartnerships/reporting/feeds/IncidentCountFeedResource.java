package org.saferpartnerships.reporting.feeds;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.saferpartnerships.platform.api.HttpProblem;
import org.saferpartnerships.platform.api.MonthRange;
import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.reporting.directory.PartnershipLabel;

@Path("/api/v1/feeds/incident-counts")
@Tag(name = "Feeds")
public class IncidentCountFeedResource {


    private final IncidentCountFeedService feeds;
    private final FeedAccess access;

    IncidentCountFeedResource(IncidentCountFeedService feeds, FeedAccess access) {
        this.feeds = feeds;
        this.access = access;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, CsvFeed.MEDIA_TYPE })
    @RolesAllowed({ Roles.ANALYST, Roles.PARTNERSHIP_OFFICER, Roles.PLATFORM_ADMIN, Roles.VIEWER })
    @Operation(summary = "Incident counts by month, category, district, ASB type or flag",
            description = "Counts of recorded incidents (corrections moved, withdrawals removed) over an "
                    + "inclusive month range, grouped as asked, for one partnership or several (rows then name "
                    + "theirs). compare=previous-year adds the same period a year earlier. JSON, or CSV with "
                    + "format=csv or Accept: text/csv. measure=rate adds rates per 1,000 usual residents. Incidents are "
                    + "counted in the district that holds their place now: over a period in which a district was "
                    + "formed, its earlier months add up its predecessors, and reorganisations says so. Viewers get "
                    + "small counts suppressed.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = IncidentCountFeed.class)))
    @APIResponse(responseCode = "400", description = "Missing or malformed parameters")
    @APIResponse(responseCode = "404", description = "A partnership the caller may not see")
    public Response incidentCounts(
            @Parameter(description = "Partnership id, or several separated by commas", example = "safer-colchester")
            @QueryParam("partnership") @NotBlank String partnership,
            @Valid @BeanParam MonthRange period,
            @Parameter(description = "Comma-separated: month, category, district, asbType, flag")
            @QueryParam("groupBy") @DefaultValue("month,category") String groupBy,
            @QueryParam("category") String category,
            @QueryParam("district") String district,
            @QueryParam("flag") String flag,
            @Parameter(description = "previous-year: add the same period a year earlier")
            @QueryParam("compare") @Pattern(regexp = "previous-year", message = "must be previous-year") String compare,
            @Parameter(description = "count (default), or rate: also per 1,000 usual residents of each row's area "
                    + "at the census nearest the period")
            @QueryParam("measure") @DefaultValue("count")
            @Pattern(regexp = "count|rate", message = "must be count or rate") String measure,
            @Parameter(description = "json (default) or csv") @QueryParam("format")
            @Pattern(regexp = "json|csv", message = "must be json or csv") String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        List<String> partnerships = access.partnerships(partnership);
        period.checked();
        YearMonth first = period.first();
        YearMonth last = period.last();
        String from = period.from();
        String to = period.to();
        List<CountDimension> dimensions = dimensions(groupBy, partnerships.size() > 1);
        if (dimensions.contains(CountDimension.ASB_TYPE) && (flag != null || dimensions.contains(CountDimension.FLAG))) {
            throw HttpProblem.valueOf(Response.Status.BAD_REQUEST,
                    "ASB types are not counted per flag: group by asbType or by flag (or filter by flag), not both");
        }
        Audience audience = access.audience();
        IncidentCountFeedService.Comparison comparison = IncidentCountFeedService.Comparison.of(compare);
        boolean compared = comparison != IncidentCountFeedService.Comparison.NONE;
        Measure measured = Measure.ofParameter(measure).orElseThrow();
        CountQuery query = new CountQuery(partnerships, first, last, dimensions, category, district, flag);
        List<FeedRow> rows = feeds.counts(query, comparison, audience, measured);
        if ("csv".equals(format) || (format == null && accept != null && accept.startsWith(CsvFeed.MEDIA_TYPE))) {
            return Response.ok(CsvFeed.of(rows, dimensions, compared, measured), CsvFeed.MEDIA_TYPE + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"incident-counts-" + from + "-" + to + ".csv\"")
                    .build();
        }
        return Response.ok(new IncidentCountFeed(partnership, PartnershipLabel.of(partnerships), from, to,
                dimensions.stream().map(CountDimension::parameter).toList(), compare, measured.parameter(),
                measured == Measure.RATE ? feeds.population(query, comparison) : null,
                feeds.reorganisations(query, comparison), feeds.freshness(), audience.statement(), rows),
                MediaType.APPLICATION_JSON).build();
    }

    private static List<CountDimension> dimensions(String groupBy, boolean severalPartnerships) {
        List<CountDimension> dimensions = new ArrayList<>();
        if (severalPartnerships) {
            dimensions.add(CountDimension.PARTNERSHIP);
        }
        for (String name : groupBy.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            CountDimension dimension = CountDimension.ofParameter(name.trim()).orElseThrow(() -> HttpProblem.valueOf(
                    Response.Status.BAD_REQUEST, "groupBy: unknown field '" + name.trim()
                            + "'; use any of month, category, district, asbType, flag"));
            if (!dimensions.contains(dimension)) {
                dimensions.add(dimension);
            }
        }
        return dimensions;
    }
}
