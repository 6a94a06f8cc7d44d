package org.saferpartnerships.reporting.performance;

import java.time.YearMonth;

import com.fasterxml.jackson.annotation.JsonValue;

import org.saferpartnerships.platform.vocabulary.Term;

/** The periods partnerships report performance over, each ending with the month asOf. */
public enum PerformancePeriod implements Term {
    /** From 1 April, the start of the financial year. */
    FINANCIAL_YTD("financial-ytd", "Financial year to date", 4),
    /** From 1 October, the start of the strategic assessment year. */
    ASSESSMENT_YEAR("assessment-year", "Assessment year to date", 10),
    /** The twelve months to asOf. */
    ROLLING_12("rolling-12", "Rolling 12 months", 0);

    private final String slug;
    private final String displayName;
    private final int startMonth;

    PerformancePeriod(String slug, String displayName, int startMonth) {
        this.slug = slug;
        this.displayName = displayName;
        this.startMonth = startMonth;
    }

    @JsonValue
    @Override
    public String slug() {
        return slug;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    public YearMonth start(YearMonth asOf) {
        if (startMonth == 0) {
            return asOf.minusMonths(11);
        }
        YearMonth thisYear = YearMonth.of(asOf.getYear(), startMonth);
        return thisYear.isAfter(asOf) ? thisYear.minusYears(1) : thisYear;
    }

    public static PerformancePeriod ofSlug(String slug) {
        return Term.ofSlug(PerformancePeriod.class, slug).orElseThrow(() -> new IllegalArgumentException(slug));
    }
}
