package org.saferpartnerships.platform.api;

import java.time.YearMonth;

import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The months a feed covers, {@code ?from=YYYY-MM&to=YYYY-MM} (both inclusive), taken as
 * {@code @Valid @BeanParam}: one validation and one wording for every endpoint that reads a period.
 */
public class MonthRange {

    /** Twenty years: more than any partnership's history, and a bound on what one query reads. */
    public static final int MAX_MONTHS = 240;

    @QueryParam("from")
    @NotNull
    @CalendarMonth
    @Parameter(description = "First month, YYYY-MM", example = "2024-04")
    String from;

    @QueryParam("to")
    @NotNull
    @CalendarMonth
    @Parameter(description = "Last month (inclusive), YYYY-MM", example = "2025-03")
    String to;

    public YearMonth first() {
        return YearMonth.parse(from);
    }

    public YearMonth last() {
        return YearMonth.parse(to);
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    /** @throws HttpProblem 400 when {@code to} is before {@code from} or the range spans more than {@link #MAX_MONTHS} */
    public void checked() {
        if (last().isBefore(first())) {
            throw HttpProblem.valueOf(Response.Status.BAD_REQUEST, "to (" + to + ") is before from (" + from + ")");
        }
        if (first().plusMonths(MAX_MONTHS).isBefore(last())) {
            throw HttpProblem.valueOf(Response.Status.BAD_REQUEST, "A period covers at most " + MAX_MONTHS + " months");
        }
    }
}
