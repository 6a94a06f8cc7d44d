package org.saferpartnerships.funding.budget;

import java.time.LocalDate;

import org.saferpartnerships.platform.domain.RuleViolated;

/**
 * A UK public-sector financial year, 1 April to 31 March, named by the calendar year it starts in:
 * 2021 is "2021/22".
 */
public record FinancialYear(int startYear) {

    public static final int EARLIEST = 2000;
    public static final int LATEST = 2100;

    public FinancialYear {
        if (startYear < EARLIEST || startYear > LATEST) {
            throw new RuleViolated("financialYear: " + startYear + " is not a year from " + EARLIEST + " to " + LATEST);
        }
    }

    public static FinancialYear of(LocalDate day) {
        return new FinancialYear(day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(startYear, 4, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(startYear + 1, 3, 31);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(firstDay()) && !day.isAfter(lastDay());
    }

    public FinancialYear next() {
        return new FinancialYear(startYear + 1);
    }

    public FinancialYear previous() {
        return new FinancialYear(startYear - 1);
    }

    /** As the papers print it, e.g. 2021/22. */
    public String label() {
        return startYear + "/" + String.format("%02d", (startYear + 1) % 100);
    }
}
