package org.saferpartnerships.platform.geography;

import java.time.LocalDate;
import java.util.List;

/**
 * A change that made a district what it is: on {@code on}, {@code district} began, carrying on the
 * whole areas of {@code formedFrom} (several for a merger, one for a recode).
 */
public record Reorganisation(District district, LocalDate on, List<District> formedFrom) {

    /** The sentence a feed or report prints: which figures before the change are added up. */
    public String statement() {
        String names = names(formedFrom);
        if (formedFrom.size() == 1 && formedFrom.get(0).name().equals(district.name())) {
            return district.name() + " took the code " + district.code() + " on " + on + " (it was "
                    + formedFrom.get(0).code() + "); figures before then are counted under the new code.";
        }
        return district.name() + " (" + district.code() + ") was formed on " + on + " from " + names
                + "; figures before then are " + (formedFrom.size() == 1 ? "that district's" : "those districts' added up")
                + ".";
    }

    private static String names(List<District> districts) {
        List<String> named = districts.stream().map(d -> d.name() + " (" + d.code() + ")").toList();
        if (named.size() == 1) {
            return named.get(0);
        }
        return String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.get(named.size() - 1);
    }
}
