package org.saferpartnerships.reporting.feeds;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One group of a count feed: only the fields named in groupBy are present. {@code count} is null
 * when suppressed for disclosure control; the comparison fields appear with compare=previous-year,
 * {@code residents} and {@code rate} (per 1,000 residents, of the count as shown) with measure=rate.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedRow(String partnership, String month, String category, String district, String asbType,
        String flag, Long count, Boolean suppressed, Long previousYearCount, Long change, BigDecimal percentChange,
        Long residents, BigDecimal rate, Long previousYearResidents, BigDecimal previousYearRate) {

    static FeedRow counted(String partnership, String month, String category, String district, String asbType,
            String flag, long count) {
        return new FeedRow(partnership, month, category, district, asbType, flag, count, null, null, null, null,
                null, null, null, null);
    }

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
    Map<String, Object> cells(List<CountDimension> dimensions, boolean compared, Measure measure) {
        Map<String, Object> cells = new LinkedHashMap<>();
        dimensions.forEach(d -> cells.put(d.parameter, value(d)));
        cells.put("count", count);
        cells.put("suppressed", Boolean.TRUE.equals(suppressed) ? "true" : "");
        if (measure == Measure.RATE) {
            cells.put("residents", residents);
            cells.put("rate", rate);
        }
        if (compared) {
            cells.put("previousYearCount", previousYearCount);
            cells.put("change", change);
            cells.put("percentChange", percentChange);
            if (measure == Measure.RATE) {
                cells.put("previousYearResidents", previousYearResidents);
                cells.put("previousYearRate", previousYearRate);
            }
        }
        return cells;
    }

    FeedRow withCount(Long newCount, Boolean isSuppressed) {
        return new FeedRow(partnership, month, category, district, asbType, flag, newCount, isSuppressed,
                previousYearCount, change, percentChange, residents, rate, previousYearResidents, previousYearRate);
    }

    FeedRow withComparison(Long previous, Long difference, BigDecimal percent) {
        return new FeedRow(partnership, month, category, district, asbType, flag, count, suppressed, previous,
                difference, percent, residents, rate, previousYearResidents, previousYearRate);
    }

    FeedRow withRates(Long rowResidents, BigDecimal rowRate, Long earlierResidents, BigDecimal earlierRate) {
        return new FeedRow(partnership, month, category, district, asbType, flag, count, suppressed,
                previousYearCount, change, percentChange, rowResidents, rowRate, earlierResidents, earlierRate);
    }
}
