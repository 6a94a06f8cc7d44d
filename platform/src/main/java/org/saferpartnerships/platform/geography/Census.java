package org.saferpartnerships.platform.geography;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;

/** The censuses of England and Wales whose usual-resident counts rates are worked out with. */
public enum Census {
    CENSUS_2011(2011, LocalDate.of(2011, 3, 27)),
    CENSUS_2021(2021, LocalDate.of(2021, 3, 21));

    private final int year;
    private final LocalDate censusDay;

    Census(int year, LocalDate censusDay) {
        this.year = year;
        this.censusDay = censusDay;
    }

    public int year() {
        return year;
    }

    public LocalDate censusDay() {
        return censusDay;
    }

    /**
     * The census nearest the middle of the period (both days included), as ONS bases rates between
     * censuses on the nearer one when no mid-year estimate is used; a period as near one as the
     * other takes the later.
     */
    public static Census nearest(LocalDate first, LocalDate last) {
        LocalDate middle = first.plusDays(ChronoUnit.DAYS.between(first, last) / 2);
        return Arrays.stream(values())
                .min(Comparator.comparingLong((Census c) -> Math.abs(ChronoUnit.DAYS.between(c.censusDay, middle)))
                        .thenComparing(Comparator.comparingInt(Census::year).reversed()))
                .orElseThrow();
    }
}
