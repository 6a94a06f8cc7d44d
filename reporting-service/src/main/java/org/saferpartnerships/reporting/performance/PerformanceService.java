package org.saferpartnerships.reporting.performance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.saferpartnerships.platform.events.incident.IncidentCategory;
import org.saferpartnerships.platform.geography.Census;
import org.saferpartnerships.reporting.feeds.Audience;
import org.saferpartnerships.reporting.feeds.CountDimension;
import org.saferpartnerships.reporting.feeds.FeedQueries;
import org.saferpartnerships.reporting.feeds.FeedRow;
import org.saferpartnerships.reporting.feeds.IncidentCountFeedService;
import org.saferpartnerships.reporting.feeds.PartnershipAreas;
import org.saferpartnerships.reporting.feeds.Population;
import org.saferpartnerships.reporting.feeds.ReorganisedDistrict;

/**
 * Performance against the same period last year: all crime (every category but anti-social
 * behaviour), anti-social behaviour, then each category.
 */
@ApplicationScoped
public class PerformanceService {

    static final String ALL_CRIME = "all-crime";
    private static final String ASB = IncidentCategory.ANTI_SOCIAL_BEHAVIOUR.slug();

    /** The residents rates are per, in the period and the same period a year earlier. */
    record Residents(OptionalLong current, OptionalLong previous) {
    }

    private final FeedQueries queries;
    private final PartnershipAreas areas;

    PerformanceService(FeedQueries queries, PartnershipAreas areas) {
        this.queries = queries;
        this.areas = areas;
    }

    public List<PerformanceLine> lines(String partnership, YearMonth from, YearMonth to, Audience audience) {
        Map<String, Long> current = byCategory(partnership, from, to);
        Map<String, Long> previous = byCategory(partnership, from.minusYears(1), to.minusYears(1));
        List<String> area = areas.districtsOf(List.of(partnership)).get(partnership);
        Residents residents = new Residents(areas.residents(area, census(from, to)),
                areas.residents(area, census(from.minusYears(1), to.minusYears(1))));
        List<PerformanceLine> lines = new ArrayList<>();
        lines.add(line(ALL_CRIME, "All crime", crime(current), crime(previous), "offences", audience, residents));
        lines.add(line(ASB, "Anti-social behaviour", current.getOrDefault(ASB, 0L), previous.getOrDefault(ASB, 0L),
                "incidents", audience, residents));
        for (IncidentCategory category : IncidentCategory.values()) {
            if (category != IncidentCategory.ANTI_SOCIAL_BEHAVIOUR) {
                lines.add(line(category.slug(), category.displayName(), current.getOrDefault(category.slug(), 0L),
                        previous.getOrDefault(category.slug(), 0L), "offences", audience, residents));
            }
        }
        return lines;
    }

    /** Whom the rates of a period's lines are per. */
    public Population population(YearMonth from, YearMonth to) {
        return Population.of(census(from, to), census(from.minusYears(1), to.minusYears(1)));
    }

    /** The reorganisations of the partnership's districts over the period and the same period a year earlier. */
    public List<ReorganisedDistrict> reorganisations(String partnership, YearMonth from, YearMonth to) {
        return areas.reorganisations(areas.districtsOf(List.of(partnership)).get(partnership),
                from.minusYears(1).atDay(1), to.atEndOfMonth());
    }

    private static Census census(YearMonth from, YearMonth to) {
        return Census.nearest(from.atDay(1), to.atEndOfMonth());
    }

    private Map<String, Long> byCategory(String partnership, YearMonth from, YearMonth to) {
        return queries.counts(List.of(partnership), from, to, List.of(CountDimension.CATEGORY)).stream()
                .collect(Collectors.toMap(FeedRow::category, FeedRow::count));
    }

    private static long crime(Map<String, Long> counts) {
        return counts.entrySet().stream().filter(e -> !e.getKey().equals(ASB)).mapToLong(Map.Entry::getValue).sum();
    }

    /**
     * Both figures as the audience may see them, and the change between those: a viewer's change is
     * one of rounded figures. Where either is suppressed there is no change (with the other figure
     * it would give the suppressed one away); the other figure is shown as it is everywhere else.
     */
    private static PerformanceLine line(String key, String label, long current, long previous, String unit,
            Audience audience, Residents residents) {
        Long shownCurrent = audience.disclose(current);
        Long shownPrevious = audience.disclose(previous);
        BigDecimal currentRate = PartnershipAreas.per1000(shownCurrent, residents.current());
        BigDecimal previousRate = PartnershipAreas.per1000(shownPrevious, residents.previous());
        if (shownCurrent == null || shownPrevious == null) {
            return new PerformanceLine(key, label, shownCurrent, shownPrevious, null, null, true,
                    label + ": too few to compare", currentRate, previousRate);
        }
        long change = shownCurrent - shownPrevious;
        BigDecimal percent = IncidentCountFeedService.percentChange(shownCurrent, shownPrevious);
        return new PerformanceLine(key, label, shownCurrent, shownPrevious, change, percent, false,
                statement(label, change, percent, unit), currentRate, previousRate);
    }

    static String statement(String label, long change, BigDecimal percent, String unit) {
        if (change == 0) {
            return label + " unchanged";
        }
        String direction = change > 0 ? "up" : "down";
        String amount = Math.abs(change) + (change > 0 ? " more " : " fewer ") + (Math.abs(change) == 1
                ? unit.substring(0, unit.length() - 1) : unit);
        if (percent == null) {
            return label + " " + direction + " from none (" + amount + ")";
        }
        return label + " " + direction + " " + percent.abs().toPlainString() + "% (" + amount + ")";
    }
}
