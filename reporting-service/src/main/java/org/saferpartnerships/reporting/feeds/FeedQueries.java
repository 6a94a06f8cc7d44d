package org.saferpartnerships.reporting.feeds;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.YearMonth;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The projection queries other read features build on: counts by dimensions, and places. */
@ApplicationScoped
public class FeedQueries {

    /** A place with its count, as data.police.uk describes places. */
    public record Place(String partnership, String locationDescription, BigDecimal latitude, BigDecimal longitude,
            Long count) {

        /** The place with its count as disclosed; null where suppressed. */
        public Place withCount(Long disclosed) {
            return new Place(partnership, locationDescription, latitude, longitude, disclosed);
        }
    }

    private final EntityManager entityManager;

    FeedQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public List<FeedRow> counts(List<String> partnerships, YearMonth from, YearMonth to,
            List<CountDimension> groupBy) {
        return new CountQuery(partnerships, from, to, groupBy, null, null, null).run(entityManager);
    }

    /** The places with most incidents, most first. */
    public List<Place> hotspots(List<String> partnerships, YearMonth from, YearMonth to, String category, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select partnership_id, location_description, latitude, longitude, sum(incident_count) as total
                from incident_location_count
                where partnership_id = any(cast(?1 as text[])) and month between ?2 and ?3
                  and (cast(?4 as text) is null or category = ?4)
                group by partnership_id, location_description, latitude, longitude
                having sum(incident_count) > 0
                order by total desc, location_description
                limit ?5""")
                .setParameter(1, partnerships.toArray(String[]::new))
                .setParameter(2, Date.valueOf(from.atDay(1))).setParameter(3, Date.valueOf(to.atDay(1)))
                .setParameter(4, category).setParameter(5, limit)
                .getResultList();
        return rows.stream().map(r -> new Place((String) r[0], (String) r[1], (BigDecimal) r[2], (BigDecimal) r[3],
                ((Number) r[4]).longValue())).toList();
    }
}
