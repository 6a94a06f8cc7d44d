package org.saferpartnerships.reporting.performance;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

class PerformancePeriodTest {

    @Test
    void theFinancialYearToDateStartsInTheAprilBeforeOrAtAsOf() {
        assertThat(PerformancePeriod.FINANCIAL_YTD.start(YearMonth.of(2024, 9)), equalTo(YearMonth.of(2024, 4)));
        assertThat(PerformancePeriod.FINANCIAL_YTD.start(YearMonth.of(2024, 4)), equalTo(YearMonth.of(2024, 4)));
        assertThat(PerformancePeriod.FINANCIAL_YTD.start(YearMonth.of(2024, 3)), equalTo(YearMonth.of(2023, 4)));
        assertThat(PerformancePeriod.FINANCIAL_YTD.start(YearMonth.of(2025, 1)), equalTo(YearMonth.of(2024, 4)));
        assertThat(PerformancePeriod.FINANCIAL_YTD.start(YearMonth.of(2024, 12)), equalTo(YearMonth.of(2024, 4)));
    }

    @Test
    void theAssessmentYearStartsInTheOctoberBeforeOrAtAsOf() {
        assertThat(PerformancePeriod.ASSESSMENT_YEAR.start(YearMonth.of(2024, 10)), equalTo(YearMonth.of(2024, 10)));
        assertThat(PerformancePeriod.ASSESSMENT_YEAR.start(YearMonth.of(2024, 12)), equalTo(YearMonth.of(2024, 10)));
        assertThat(PerformancePeriod.ASSESSMENT_YEAR.start(YearMonth.of(2025, 9)), equalTo(YearMonth.of(2024, 10)));
        assertThat(PerformancePeriod.ASSESSMENT_YEAR.start(YearMonth.of(2025, 4)), equalTo(YearMonth.of(2024, 10)));
    }

    @Test
    void rollingTwelveIsTwelveMonthsIncludingAsOf() {
        YearMonth asOf = YearMonth.of(2024, 3);
        YearMonth start = PerformancePeriod.ROLLING_12.start(asOf);

        assertThat(start, equalTo(YearMonth.of(2023, 4)));
        assertThat(ChronoUnit.MONTHS.between(start, asOf) + 1, equalTo(12L));
        assertThat(PerformancePeriod.ROLLING_12.start(YearMonth.of(2024, 12)), equalTo(YearMonth.of(2024, 1)));
    }

    @Test
    void periodsAreNamedByTheirSlugs() {
        assertThat(PerformancePeriod.ofSlug("financial-ytd"), equalTo(PerformancePeriod.FINANCIAL_YTD));
        assertThat(PerformancePeriod.ofSlug("assessment-year"), equalTo(PerformancePeriod.ASSESSMENT_YEAR));
        assertThat(PerformancePeriod.ofSlug("rolling-12"), equalTo(PerformancePeriod.ROLLING_12));
        for (PerformancePeriod period : PerformancePeriod.values()) {
            assertThat(PerformancePeriod.ofSlug(period.slug()), equalTo(period));
        }
    }

    @Test
    void anUnknownPeriodIsRefusedRatherThanGuessed() {
        assertThrows(IllegalArgumentException.class, () -> PerformancePeriod.ofSlug("FINANCIAL_YTD"));
        assertThrows(IllegalArgumentException.class, () -> PerformancePeriod.ofSlug("calendar-year"));
    }
}
