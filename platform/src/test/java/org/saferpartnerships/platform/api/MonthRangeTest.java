package org.saferpartnerships.platform.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;

class MonthRangeTest {

    private static MonthRange of(String from, String to) {
        MonthRange range = new MonthRange();
        range.from = from;
        range.to = to;
        return range;
    }

    @Test
    void aRangeIsItsFirstAndLastMonthBothIncluded() {
        MonthRange range = of("2024-04", "2025-03");
        range.checked();
        assertThat(range.first(), equalTo(YearMonth.of(2024, 4)));
        assertThat(range.last(), equalTo(YearMonth.of(2025, 3)));
    }

    @Test
    void aRangeThatEndsBeforeItBeginsIsRefused() {
        HttpProblem problem = assertThrows(HttpProblem.class, () -> of("2025-03", "2024-04").checked());
        assertThat(problem.status(), equalTo(400));
        assertThat(problem.detail(), containsString("before"));
    }

    @Test
    void twentyYearsIsTheLongestRange() {
        of("2004-01", "2024-01").checked();
        HttpProblem problem = assertThrows(HttpProblem.class, () -> of("2004-01", "2024-02").checked());
        assertThat(problem.detail(), containsString("240 months"));
    }
}
