package org.saferpartnerships.reporting.feeds;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The one pure part of CountQuery: the earlier period a previous-year comparison reads. The SQL needs a database. */
class CountQueryShiftTest {

    @Test
    void thePreviousYearIsTheSameMonthsAYearEarlierWithTheSameGroupsAndFilters() {
        CountQuery financialYear = new CountQuery(List.of("safer-colchester", "safer-tendring"), YearMonth.of(2024, 4),
                YearMonth.of(2025, 3), List.of(CountDimension.MONTH, CountDimension.CATEGORY), "burglary", "E07000071",
                "alcohol-related");

        CountQuery earlier = financialYear.shiftedYearsBack(1);

        assertThat(earlier, equalTo(new CountQuery(List.of("safer-colchester", "safer-tendring"), YearMonth.of(2023, 4),
                YearMonth.of(2024, 3), List.of(CountDimension.MONTH, CountDimension.CATEGORY), "burglary", "E07000071",
                "alcohol-related")));
        assertThat(financialYear.from(), equalTo(YearMonth.of(2024, 4)));
    }

    @Test
    void aPeriodIsShiftedByWholeYears() {
        CountQuery february = new CountQuery(List.of("safer-colchester"), YearMonth.of(2024, 2), YearMonth.of(2024, 2),
                List.of(), null, null, null);

        assertThat(february.shiftedYearsBack(3).from(), equalTo(YearMonth.of(2021, 2)));
        assertThat(february.shiftedYearsBack(3).to(), equalTo(YearMonth.of(2021, 2)));
    }
}
