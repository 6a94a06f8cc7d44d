package org.saferpartnerships.reporting.dashboard;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.saferpartnerships.platform.api.CalendarMonth;
import org.saferpartnerships.platform.events.incident.IncidentCategory;
import org.saferpartnerships.platform.geography.Census;
import org.saferpartnerships.platform.geography.LocalAuthorityDistricts;
import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.reporting.directory.DirectoryPriority;
import org.saferpartnerships.reporting.directory.PartnershipLabel;
import org.saferpartnerships.reporting.feeds.Audience;
import org.saferpartnerships.reporting.feeds.CountDimension;
import org.saferpartnerships.reporting.feeds.FeedAccess;
import org.saferpartnerships.reporting.feeds.FeedQueries;
import org.saferpartnerships.reporting.feeds.FeedRow;
import org.saferpartnerships.reporting.feeds.IncidentCountFeed;
import org.saferpartnerships.reporting.feeds.IncidentCountFeedService;
import org.saferpartnerships.reporting.feeds.PartnershipAreas;
import org.saferpartnerships.reporting.feeds.Population;
import org.saferpartnerships.reporting.feeds.ReorganisedDistrict;
import org.saferpartnerships.reporting.performance.PerformanceLine;
import org.saferpartnerships.reporting.performance.PerformancePeriod;
import org.saferpartnerships.reporting.performance.PerformanceService;

@Path("/api/v1/partnerships/{partnershipId}/dashboard")
@Tag(name = "Dashboard")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {

    /** A category's monthly counts over the 24 months, in the order of {@code months}. */
    public record Series(String category, List<Long> counts) {
    }

    /** A category or district of the last 12 months, with its rate per 1,000 residents (of the district, or of the partnership's area). */
    public record Ranked(String key, String name, long count, BigDecimal rate) {
    }

    /** A priority of the financial year the dashboard is in. */
    public record Priority(String title, String theme, String status) {
    }

    /** Everything a partnership's dashboard page shows, in one call. */
    public record Dashboard(String partnership, String name, String asOf, List<Priority> priorities,
            List<String> months, List<Series> series,
            List<Ranked> topCategories, List<Ranked> districts, List<PerformanceLine> performance,
            Population population, List<ReorganisedDistrict> reorganisations,
            IncidentCountFeed.Freshness freshness, IncidentCountFeed.Disclosure disclosure) {
    }

    private final FeedQueries queries;
    private final FeedAccess access;
    private final PerformanceService performance;
    private final IncidentCountFeedService feeds;
    private final PartnershipAreas areas;

    DashboardResource(FeedQueries queries, FeedAccess access, PerformanceService performance,
            IncidentCountFeedService feeds, PartnershipAreas areas) {
        this.queries = queries;
        this.access = access;
        this.performance = performance;
        this.feeds = feeds;
        this.areas = areas;
    }

    @GET
    @RolesAllowed({ Roles.ANALYST, Roles.PARTNERSHIP_OFFICER, Roles.PLATFORM_ADMIN, Roles.VIEWER })
    @Operation(summary = "A dashboard page's data in one call", description = "24-month series by category, the top "
            + "categories and the district breakdown of the last 12 months with rates per 1,000 residents, "
            + "financial-year-to-date performance, the partnership's priorities for that financial year, and the "
            + "reorganisations of its districts within the 24 months.")
    public Dashboard dashboard(@PathParam("partnershipId") String partnershipId,
            @QueryParam("asOf") @NotNull @CalendarMonth String asOf) {
        String partnership = access.partnerships(partnershipId).get(0);
        Audience audience = access.audience();
        YearMonth to = YearMonth.parse(asOf);
        YearMonth seriesFrom = to.minusMonths(23);
        YearMonth yearFrom = to.minusMonths(11);
        List<String> months = new ArrayList<>();
        for (YearMonth m = seriesFrom; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        List<CountDimension> table = List.of(CountDimension.CATEGORY, CountDimension.MONTH);
        List<FeedRow> cells = audience.disclose(queries.counts(List.of(partnership), seriesFrom, to, table));
        Map<String, Long[]> byCategory = new LinkedHashMap<>();
        for (FeedRow cell : cells) {
            Long[] counts = byCategory.computeIfAbsent(cell.category(), c -> zeros(months.size()));
            counts[months.indexOf(cell.month())] = cell.count();
        }
        List<Series> series = byCategory.entrySet().stream().map(e -> new Series(e.getKey(), Arrays.asList(e.getValue())))
                .toList();
        int financialYear = PerformancePeriod.FINANCIAL_YTD.start(to).getYear();
        List<Priority> priorities = DirectoryPriority.<DirectoryPriority>list(
                "partnershipId = ?1 and financialYear = ?2 order by title", partnership, financialYear).stream()
                .map(p -> new Priority(p.title, p.theme, p.status)).toList();
        return new Dashboard(partnership, PartnershipLabel.of(List.of(partnership)).get(0).name(), asOf, priorities,
                months, series,
                ranked(partnership, yearFrom, to, CountDimension.CATEGORY, audience, 5),
                ranked(partnership, yearFrom, to, CountDimension.DISTRICT, audience, 50),
                performance.lines(partnership, PerformancePeriod.FINANCIAL_YTD.start(to), to, audience),
                performance.population(PerformancePeriod.FINANCIAL_YTD.start(to), to),
                areas.reorganisations(areas.districtsOf(List.of(partnership)).get(partnership), seriesFrom.atDay(1),
                        to.atEndOfMonth()),
                feeds.freshness(), audience.statement());
    }

    private List<Ranked> ranked(String partnership, YearMonth from, YearMonth to, CountDimension dimension,
            Audience audience, int limit) {
        List<FeedRow> rows = audience.disclose(queries.counts(List.of(partnership), from, to, List.of(dimension)));
        Census census = Census.nearest(from.atDay(1), to.atEndOfMonth());
        OptionalLong partnershipResidents = areas.residents(areas.districtsOf(List.of(partnership)).get(partnership),
                census);
        return rows.stream().filter(r -> r.count() != null)
                .map(r -> dimension == CountDimension.DISTRICT
                        ? new Ranked(r.district(), LocalAuthorityDistricts.nameOf(r.district()).orElse(r.district()),
                                r.count(), PartnershipAreas.per1000(r.count(), areas.residents(List.of(r.district()),
                                        census)))
                        : new Ranked(r.category(), IncidentCategory.ofSlug(r.category())
                                .map(IncidentCategory::displayName).orElse(r.category()), r.count(),
                                PartnershipAreas.per1000(r.count(), partnershipResidents)))
                .sorted(Comparator.comparingLong(Ranked::count).reversed()).limit(limit).toList();
    }

    private static Long[] zeros(int size) {
        Long[] zeros = new Long[size];
        Arrays.fill(zeros, 0L);
        return zeros;
    }
}
