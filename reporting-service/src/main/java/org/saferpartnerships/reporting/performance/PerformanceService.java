package org.saferpartnerships.reporting.performance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.saferpartnerships.platform.events.incident.IncidentCategory;
import org.saferpartnerships.reporting.feeds.Audience;
import org.saferpartnerships.reporting.feeds.CountDimension;
import org.saferpartnerships.reporting.feeds.FeedQueries;
import org.saferpartnerships.reporting.feeds.FeedRow;
import org.saferpartnerships.reporting.feeds.IncidentCountFeedService;

/**
 * Performance against the same period last year: all crime (every category but anti-social
 * behaviour), anti-social behaviour, then each category.
 */
@ApplicationScoped
public class PerformanceService {

    static final String ALL_CRIME = "all-crime";
    private static final String ASB = IncidentCategory.ANTI_SOCIAL_BEHAVIOUR.slug();

    private final FeedQueries queries;

    PerformanceService(FeedQueries queries) {
        this.queries = queries;
    }

    public List<PerformanceLine> lines(String partnership, YearMonth from, YearMonth to, Audience audience) {
        int threshold = audience.threshold();
        boolean suppress = !audience.exact();
        Map<String, Long> current = byCategory(partnership, from, to);
        Map<String, Long> previous = byCategory(partnership, from.minusYears(1), to.minusYears(1));
        List<PerformanceLine> lines = new ArrayList<>();
        lines.add(line(ALL_CRIME, "All crime", crime(current), crime(previous), "offences", threshold, suppress));
        lines.add(line(ASB, "Anti-social behaviour", current.getOrDefault(ASB, 0L), previous.getOrDefault(ASB, 0L),
                "incidents", threshold, suppress));
        for (IncidentCategory category : IncidentCategory.values()) {
            if (category != IncidentCategory.ANTI_SOCIAL_BEHAVIOUR) {
                lines.add(line(category.slug(), category.displayName(), current.getOrDefault(category.slug(), 0L),
                        previous.getOrDefault(category.slug(), 0L), "offences", threshold, suppress));
            }
        }
        return suppress ? withoutLoneHiddenCrime(lines) : lines;
    }

    /**
     * All crime is the sum of the crime lines: with exactly one of them hidden, it could be worked
     * out by subtraction, so the smallest other crime line is hidden too.
     */
    private static List<PerformanceLine> withoutLoneHiddenCrime(List<PerformanceLine> lines) {
        List<PerformanceLine> crime = lines.subList(2, lines.size());
        if (crime.stream().filter(PerformanceLine::suppressed).count() != 1) {
            return lines;
        }
        PerformanceLine partner = crime.stream().filter(l -> !l.suppressed() && (l.current() > 0 || l.previous() > 0))
                .min(java.util.Comparator.comparingLong(PerformanceLine::current)).orElse(null);
        if (partner == null) {
            return lines;
        }
        List<PerformanceLine> result = new ArrayList<>(lines);
        result.set(lines.indexOf(partner), hidden(partner.key(), partner.label()));
        return result;
    }

    private static PerformanceLine hidden(String key, String label) {
        return new PerformanceLine(key, label, null, null, null, null, true, label + ": figures too small to publish");
    }

    private Map<String, Long> byCategory(String partnership, YearMonth from, YearMonth to) {
        return queries.counts(List.of(partnership), from, to, List.of(CountDimension.CATEGORY)).stream()
                .collect(Collectors.toMap(FeedRow::category, FeedRow::count));
    }

    private static long crime(Map<String, Long> counts) {
        return counts.entrySet().stream().filter(e -> !e.getKey().equals(ASB)).mapToLong(Map.Entry::getValue).sum();
    }

    /**
     * Lines under disclosure control hide both figures when either is small: with one of them and
     * the change, the other could be worked out.
     */
    private static PerformanceLine line(String key, String label, long current, long previous, String unit,
            int threshold, boolean suppress) {
        if (suppress && (isSmall(current, threshold) || isSmall(previous, threshold))) {
            return hidden(key, label);
        }
        long change = current - previous;
        BigDecimal percent = IncidentCountFeedService.percentChange(current, previous);
        return new PerformanceLine(key, label, current, previous, change, percent, false,
                statement(label, change, percent, unit));
    }

    private static boolean isSmall(long count, int threshold) {
        return count > 0 && count < threshold;
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
