package org.saferpartnerships.reporting.feeds;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

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

    IncidentCountFeedService(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The query's rows as the audience may see them, each period disclosed before changes are worked out from them. */
    List<FeedRow> counts(CountQuery query, Comparison comparison, Audience audience) {
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
