package org.saferpartnerships.platform.geography;

import java.time.LocalDate;

/**
 * One row of ONS's table of district changes: on {@code effective}, the area of {@code formerCode}
 * (for a {@link Kind#SPLIT}, part of it) passed to {@code successorCode}.
 *
 * @param carriesOn whether the successor carries the former district on, so that a place in the former
 *        district is in it afterwards: always for a merger or a recode, which hand over the whole area;
 *        of a split, only the successor of the same name, which took practically all of it (the other
 *        received a small boundary transfer)
 */
public record DistrictChange(LocalDate effective, String formerCode, String successorCode, Kind kind,
        boolean carriesOn) {

    /** What happened to the former district, as the table's {@code kind} says. */
    public enum Kind {
        /** The whole former district became part of a new district formed from it and at least one other. */
        MERGED,
        /** The whole former district goes on, same name, under a code issued for a boundary change. */
        RECODED,
        /** The former district's area passed to more than one successor; one row per successor. */
        SPLIT
    }
}
