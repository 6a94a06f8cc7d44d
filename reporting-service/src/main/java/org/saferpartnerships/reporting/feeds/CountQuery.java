package org.saferpartnerships.reporting.feeds;

import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.saferpartnerships.platform.geography.Census;

/**
 * One aggregate query over the count projection: the groups asked for, summed, within the
 * month range. Grouping or filtering by flag reads the per-flag table.
 */
public record CountQuery(List<String> partnerships, YearMonth from, YearMonth to, List<CountDimension> groupBy,
        String category, String district, String flag) {

    CountQuery shiftedYearsBack(int years) {
        return new CountQuery(partnerships, from.minusYears(years), to.minusYears(years), groupBy, category, district,
                flag);
    }

    /** The census rates over this period are per. */
    Census census() {
        return Census.nearest(from.atDay(1), to.atEndOfMonth());
    }

    List<FeedRow> run(EntityManager entityManager) {
        boolean byFlag = flag != null || groupBy.contains(CountDimension.FLAG);
        String columns = groupBy.stream().map(d -> d.column).collect(Collectors.joining(", "));
        StringBuilder sql = new StringBuilder("select ").append(columns.isEmpty() ? "" : columns + ", ")
                .append("sum(incident_count) from ").append(byFlag ? "incident_flag_count" : "incident_count")
                .append(" where partnership_id = any(cast(?1 as text[])) and month between ?2 and ?3");
        List<Object> parameters = new ArrayList<>(List.of(partnerships.toArray(String[]::new),
                Date.valueOf(from.atDay(1)), Date.valueOf(to.atDay(1))));
        filter(sql, parameters, "category", category);
        filter(sql, parameters, "district_code", district);
        filter(sql, parameters, "flag", flag);
        if (!columns.isEmpty()) {
            sql.append(" group by ").append(columns);
        }
        sql.append(" having sum(incident_count) <> 0");
        if (!columns.isEmpty()) {
            sql.append(" order by ").append(columns);
        }
        Query query = entityManager.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> results = groupBy.isEmpty() ? wrap(query.getResultList()) : query.getResultList();
        return results.stream().map(this::row).toList();
    }

    private static List<Object[]> wrap(List<?> single) {
        return single.stream().map(value -> new Object[] { value }).toList();
    }

    private static void filter(StringBuilder sql, List<Object> parameters, String column, String value) {
        if (value != null) {
            parameters.add(value);
            sql.append(" and ").append(column).append(" = ?").append(parameters.size());
        }
    }

    private FeedRow row(Object[] result) {
        String partnership = null;
        String month = null;
        String category = null;
        String districtCode = null;
        String asbType = null;
        String flagName = null;
        for (int i = 0; i < groupBy.size(); i++) {
            Object value = result[i];
            switch (groupBy.get(i)) {
                case PARTNERSHIP -> partnership = (String) value;
                case MONTH -> month = YearMonth.from(value instanceof java.sql.Date date ? date.toLocalDate()
                        : (java.time.LocalDate) value).toString();
                case CATEGORY -> category = (String) value;
                case DISTRICT -> districtCode = (String) value;
                case ASB_TYPE -> asbType = "".equals(value) ? "not-recorded" : (String) value;
                case FLAG -> flagName = (String) value;
            }
        }
        Number sum = (Number) result[groupBy.size()];
        return FeedRow.counted(partnership, month, category, districtCode, asbType, flagName, sum.longValue());
    }
}
