package org.saferpartnerships.reporting.performance;

import java.time.YearMonth;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.saferpartnerships.platform.api.CalendarMonth;
import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.reporting.feeds.Audience;
import org.saferpartnerships.reporting.feeds.FeedAccess;
import org.saferpartnerships.reporting.feeds.IncidentCountFeed;
import org.saferpartnerships.reporting.feeds.IncidentCountFeedService;
import org.saferpartnerships.reporting.feeds.Population;
import org.saferpartnerships.reporting.feeds.ReorganisedDistrict;

@Path("/api/v1/partnerships/{partnershipId}/performance")
@Tag(name = "Performance")
@Produces(MediaType.APPLICATION_JSON)
public class PerformanceResource {

    /** A performance summary: the period, the same period a year before, and a line per measure. */
    public record Performance(String partnership, PerformancePeriod period, String asOf, String from, String to,
            String previousFrom, String previousTo, Population population, List<ReorganisedDistrict> reorganisations,
            IncidentCountFeed.Freshness freshness, IncidentCountFeed.Disclosure disclosure,
            List<PerformanceLine> lines) {
    }

    private final PerformanceService performance;
    private final FeedAccess access;
    private final IncidentCountFeedService feeds;

    PerformanceResource(PerformanceService performance, FeedAccess access, IncidentCountFeedService feeds) {
        this.performance = performance;
        this.access = access;
        this.feeds = feeds;
    }

    @GET
    @RolesAllowed({ Roles.ANALYST, Roles.PARTNERSHIP_OFFICER, Roles.PLATFORM_ADMIN, Roles.VIEWER })
    @Operation(summary = "Performance against the same period last year",
            description = "All crime (every category except anti-social behaviour), anti-social behaviour and "
                    + "each category: current and previous-year counts, change and percentage change to one "
                    + "decimal place, the sentence a report prints, and both periods' rates per 1,000 residents of the "
                    + "partnership's area (population says at which census). Where a district of the area was formed "
                    + "within the two periods, reorganisations says so: its earlier months add up its predecessors.")
    public Performance performance(@PathParam("partnershipId") String partnershipId,
            @Parameter(description = "Last month of the period, YYYY-MM", example = "2017-09")
            @QueryParam("asOf") @NotNull @CalendarMonth String asOf,
            @Parameter(description = "financial-ytd (from 1 April), assessment-year (from 1 October) or rolling-12")
            @QueryParam("period") @DefaultValue("financial-ytd")
            @Pattern(regexp = "financial-ytd|assessment-year|rolling-12",
                    message = "must be financial-ytd, assessment-year or rolling-12") String period) {
        String partnership = access.partnerships(partnershipId).get(0);
        YearMonth to = YearMonth.parse(asOf);
        PerformancePeriod chosen = PerformancePeriod.ofSlug(period);
        YearMonth from = chosen.start(to);
        Audience audience = access.audience();
        return new Performance(partnership, chosen, asOf, from.toString(), to.toString(),
                from.minusYears(1).toString(), to.minusYears(1).toString(), performance.population(from, to),
                performance.reorganisations(partnership, from, to), feeds.freshness(), audience.statement(),
                performance.lines(partnership, from, to, audience));
    }
}
