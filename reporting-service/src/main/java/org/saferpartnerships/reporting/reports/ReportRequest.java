package org.saferpartnerships.reporting.reports;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What report to assemble: its type and period. */
@Schema(name = "ReportRequest", example = """
        {"type": "scrutiny", "period": {"financialYear": 2021, "performance": "financial-ytd", "asOf": "2022-03"}}""")
public record ReportRequest(
        @NotNull @Pattern(regexp = "scrutiny", message = "must be scrutiny") String type,
        @NotNull @Valid Period period) {

    /**
     * @param performance financial-ytd (default), assessment-year or rolling-12, ending with asOf
     * @param asOf the last month of performance figures, within the financial year; by default its last (March)
     */
    public record Period(
            @NotNull @Min(2000) @Max(2100) Integer financialYear,
            @Pattern(regexp = "financial-ytd|assessment-year|rolling-12",
                    message = "must be financial-ytd, assessment-year or rolling-12") String performance,
            @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "must be a month, YYYY-MM") String asOf) {
    }
}
