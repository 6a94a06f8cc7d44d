package org.saferpartnerships.reporting.performance;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of a performance summary: this period against the same period a year earlier, and the
 * sentence a report would print ("All crime up 4.0% (43 more offences)"). Counts are null when
 * suppressed for disclosure control; rates are per 1,000 residents of the partnership's area, of the
 * counts as shown, null where a count is suppressed or the area's population is not known.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PerformanceLine(String key, String label, Long current, Long previous, Long change,
        BigDecimal percentChange, boolean suppressed, String statement, BigDecimal currentRate,
        BigDecimal previousRate) {
}
