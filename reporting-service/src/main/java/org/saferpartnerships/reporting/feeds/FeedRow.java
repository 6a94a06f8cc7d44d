package org.saferpartnerships.reporting.feeds;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One group of a count feed: only the fields named in groupBy are present. {@code count} is null
 * when suppressed for disclosure control; the comparison fields appear with compare=previous-year.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedRow(String partnership, String month, String category, String district, String asbType,
        String flag, Long count, Boolean suppressed, Long previousYearCount, Long change, BigDecimal percentChange) {

    String value(CountDimension dimension) {
        return switch (dimension) {
            case PARTNERSHIP -> partnership;
            case MONTH -> month;
            case CATEGORY -> category;
            case DISTRICT -> district;
            case ASB_TYPE -> asbType;
            case FLAG -> flag;
        };
    }

    /** The row as CSV cells under the same names as the JSON fields. */
    Map<String, Object> cells(List<CountDimension> dimensions, boolean compared) {
        Map<String, Object> cells = new LinkedHashMap<>();
        dimensions.forEach(d -> cells.put(d.parameter, value(d)));
        cells.put("count", count);
        cells.put("suppressed", Boolean.TRUE.equals(suppressed) ? "true" : "");
        if (compared) {
            cells.put("previousYearCount", previousYearCount);
            cells.put("change", change);
            cells.put("percentChange", percentChange);
        }
        return cells;
    }

    FeedRow withCount(Long newCount, Boolean isSuppressed) {
        return new FeedRow(partnership, month, category, district, asbType, flag, newCount, isSuppressed,
                previousYearCount, change, percentChange);
    }

    FeedRow withComparison(Long previous, Long difference, BigDecimal percent) {
        return new FeedRow(partnership, month, category, district, asbType, flag, count, suppressed, previous,
                difference, percent);
    }
}
