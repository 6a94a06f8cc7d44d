package org.saferpartnerships.reporting.feeds;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.saferpartnerships.platform.geography.Census;
import org.saferpartnerships.reporting.counts.IncidentCountProjection;

/**
 * Answers count feeds from the projection: one indexed aggregate query (two with a comparison),
 * whatever the length of the history.
 */
@ApplicationScoped
public class IncidentCountFeedService {

    /** Whether a feed sets the same period a year earlier beside each row. */
    enum Comparison {
        NONE, PREVIOUS_YEAR;

        static Comparison of(String parameter) {
            return "previous-year".equals(parameter) ? PREVIOUS_YEAR : NONE;
        }
    }

    private final EntityManager entityManager;
    private final PartnershipAreas areas;

    IncidentCountFeedService(EntityManager entityManager, PartnershipAreas areas) {
        this.entityManager = entityManager;
        this.areas = areas;
    }

    /**
     * The query's rows as the audience may see them, each period disclosed before changes are worked
     * out from them; rates, asked for, are of the counts as shown, so that a viewer's rate gives away
     * no more than the rounded count (the population is public).
     */
    List<FeedRow> counts(CountQuery query, Comparison comparison, Audience audience, Measure measure) {
        List<FeedRow> rows = compared(query, comparison, audience);
        return measure == Measure.RATE ? withRates(rows, query, comparison) : rows;
    }

    /** Whom the query's rates are per. */
    Population population(CountQuery query, Comparison comparison) {
        return Population.of(query.census(),
                comparison == Comparison.NONE ? null : query.shiftedYearsBack(1).census());
    }

    /** The reorganisations of the query's districts over its period, and the year before where compared. */
    List<ReorganisedDistrict> reorganisations(CountQuery query, Comparison comparison) {
        YearMonth first = comparison == Comparison.NONE ? query.from() : query.from().minusYears(1);
        List<String> districts = query.district() != null ? List.of(query.district())
                : areas.districtsOf(query.partnerships()).values().stream().flatMap(List::stream).toList();
        return areas.reorganisations(districts, first.atDay(1), query.to().atEndOfMonth());
    }

    private List<FeedRow> withRates(List<FeedRow> rows, CountQuery query, Comparison comparison) {
        Map<String, List<String>> districtsByPartnership = areas.districtsOf(query.partnerships());
        Census census = query.census();
        Census earlier = comparison == Comparison.NONE ? null : query.shiftedYearsBack(1).census();
        return rows.stream().map(row -> {
            List<String> area = row.district() != null ? List.of(row.district())
                    : query.district() != null ? List.of(query.district())
                    : districtsByPartnership.get(row.partnership() != null ? row.partnership()
                            : query.partnerships().get(0));
            OptionalLong residents = areas.residents(area, census);
            if (earlier == null) {
                return row.withRates(boxed(residents), PartnershipAreas.per1000(row.count(), residents), null, null);
            }
            OptionalLong before = areas.residents(area, earlier);
            return row.withRates(boxed(residents), PartnershipAreas.per1000(row.count(), residents), boxed(before),
                    PartnershipAreas.per1000(row.previousYearCount(), before));
        }).toList();
    }

    private static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }

    private List<FeedRow> compared(CountQuery query, Comparison comparison, Audience audience) {
        List<FeedRow> rows = audience.disclose(query.run(entityManager));
        if (comparison == Comparison.NONE) {
            return rows;
        }
        List<FeedRow> earlier = audience.disclose(query.shiftedYearsBack(1).run(entityManager));
        Map<String, FeedRow> earlierByKey = earlier.stream()
                .collect(Collectors.toMap(r -> key(r, query.groupBy(), true), r -> r, (a, b) -> a, HashMap::new));
        return rows.stream().map(row -> {
            FeedRow before = earlierByKey.get(key(row, query.groupBy(), false));
            long previous = before == null ? 0 : before.count() == null ? -1 : before.count();
            if (row.count() == null || previous < 0) {
                return row.withComparison(previous < 0 ? null : previous, null, null);
            }
            return row.withComparison(previous, row.count() - previous, percentChange(row.count(), previous));
        }).toList();
    }

    public IncidentCountFeed.Freshness freshness() {
        @SuppressWarnings("unchecked")
        List<Object[]> state = entityManager.createNativeQuery(
                "select last_event_at, last_applied_at from projection_state where projection = ?1")
                .setParameter(1, IncidentCountProjection.NAME).getResultList();
        return state.stream().findFirst()
                .map(s -> new IncidentCountFeed.Freshness(instant(s[0]), instant(s[1])))
                .orElse(new IncidentCountFeed.Freshness(null, null));
    }

    /** Percentage change to one decimal place; none when there is nothing to compare with. */
    public static BigDecimal percentChange(long current, long previous) {
        if (previous == 0) {
            return null;
        }
        return BigDecimal.valueOf((current - previous) * 100.0 / previous).setScale(1, RoundingMode.HALF_UP);
    }

    /** A row's identity, its month moved a year on when it is from the earlier period. */
    private static String key(FeedRow row, List<CountDimension> dimensions, boolean earlier) {
        return dimensions.stream().map(d -> d == CountDimension.MONTH && earlier
                ? YearMonth.parse(row.month()).plusYears(1).toString() : row.value(d))
                .collect(Collectors.joining("\u0000"));
    }

    private static java.time.Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return value instanceof java.time.Instant instant ? instant : null;
    }
}
