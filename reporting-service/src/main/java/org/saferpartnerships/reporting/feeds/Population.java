package org.saferpartnerships.reporting.feeds;

import java.time.LocalDate;

import org.saferpartnerships.platform.geography.Census;

/**
 * Whom rates are per: usual residents at the census nearest the period (and, with a comparison,
 * nearest the year before), on today's district boundaries.
 */
public record Population(int census, LocalDate censusDay, Integer previousYearCensus, String source) {

    static final String SOURCE = "ONS Census usual residents by local authority district on April 2022 boundaries "
            + "(Census 2021 rounded by ONS to the nearest 100); a district formed since counts those it was formed "
            + "from. Source: Office for National Statistics, Open Government Licence v3.0.";

    public static Population of(Census census, Census previousYear) {
        return new Population(census.year(), census.censusDay(), previousYear == null ? null : previousYear.year(),
                SOURCE);
    }
}
