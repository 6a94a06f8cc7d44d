package org.saferpartnerships.reporting.performance;

import java.time.YearMonth;

import com.fasterxml.jackson.annotation.JsonValue;

/** The periods partnerships report performance over, each ending with the month asOf. */
public enum PerformancePeriod {
    /** From 1 April, the start of the financial year. */
    FINANCIAL_YTD("financial-ytd", 4),
    /** From 1 October, the start of the strategic assessment year. */
    ASSESSMENT_YEAR("assessment-year", 10),
    /** The twelve months to asOf. */
    ROLLING_12("rolling-12", 0);

    private final String slug;
    private final int startMonth;

    PerformancePeriod(String slug, int startMonth) {
        this.slug = slug;
        this.startMonth = startMonth;
    }

    @JsonValue
    public String slug() {
        return slug;
    }

    public YearMonth start(YearMonth asOf) {
        if (startMonth == 0) {
            return asOf.minusMonths(11);
        }
        YearMonth thisYear = YearMonth.of(asOf.getYear(), startMonth);
        return thisYear.isAfter(asOf) ? thisYear.minusYears(1) : thisYear;
    }

    public static PerformancePeriod ofSlug(String slug) {
        for (PerformancePeriod period : values()) {
            if (period.slug.equals(slug)) {
                return period;
            }
        }
        throw new IllegalArgumentException(slug);
    }
}
