package org.saferpartnerships.reporting.reports;

import java.time.LocalDate;
import java.time.YearMonth;

import org.saferpartnerships.reporting.performance.PerformancePeriod;

/**
 * What a scrutiny report covers: a financial year (named by the calendar year it starts in) and
 * the performance period ending with {@code asOf}, a month of that year (a committee meeting in
 * January scrutinises the year to December).
 */
public record ReportPeriod(int financialYear, String label, LocalDate from, LocalDate to,
        PerformancePeriod performancePeriod, String asOf) {

    public static ReportPeriod of(int financialYear, PerformancePeriod performance, YearMonth asOf) {
        return new ReportPeriod(financialYear, financialYearLabel(financialYear), LocalDate.of(financialYear, 4, 1),
                LocalDate.of(financialYear + 1, 3, 31), performance, asOf.toString());
    }

    /** 2021 is "2021/22". */
    public static String financialYearLabel(int financialYear) {
        return financialYear + "/" + String.format("%02d", (financialYear + 1) % 100);
    }

    YearMonth asOfMonth() {
        return YearMonth.parse(asOf);
    }
}
