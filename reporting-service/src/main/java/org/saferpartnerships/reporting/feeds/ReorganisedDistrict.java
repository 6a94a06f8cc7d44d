package org.saferpartnerships.reporting.feeds;

import java.time.LocalDate;
import java.util.List;

import org.saferpartnerships.platform.geography.Reorganisation;

/**
 * A district of the answer's area that was formed within its period: figures before {@code on} are
 * those of {@code formedFrom}, added up, because incidents are counted in the district that holds
 * their place now.
 */
public record ReorganisedDistrict(String district, String name, LocalDate on, List<FormerDistrict> formedFrom,
        String statement) {

    public record FormerDistrict(String district, String name) {
    }

    static ReorganisedDistrict of(Reorganisation reorganisation) {
        return new ReorganisedDistrict(reorganisation.district().code(), reorganisation.district().name(),
                reorganisation.on(), reorganisation.formedFrom().stream()
                        .map(d -> new FormerDistrict(d.code(), d.name())).toList(),
                reorganisation.statement());
    }
}
