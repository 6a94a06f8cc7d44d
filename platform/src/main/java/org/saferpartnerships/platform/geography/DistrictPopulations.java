package org.saferpartnerships.platform.geography;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Usual residents of each district standing now, at each {@link Census}: ONS's counts for the
 * districts of April 2022 (both censuses on those boundaries; {@code reference/ons/population-lad-2021.csv},
 * sources and licence in {@code SOURCE.md} there), a district formed since then counted as the sum of
 * the districts it was formed from (Cumberland: Allerdale, Carlisle and Copeland). Only districts
 * standing now have a population: incidents are counted in today's districts, and an abolished
 * district's area is part of its successor's figure.
 */
public final class DistrictPopulations {

    private static final String FILE = "population-lad-2021.csv";
    private static final Map<Census, Map<String, Long>> RESIDENTS = read();

    private DistrictPopulations() {
    }

    /** The district's usual residents at the census; empty for a code that is not a district standing now. */
    public static OptionalLong residentsOf(String districtCode, Census census) {
        Long residents = RESIDENTS.get(census).get(districtCode);
        return residents == null ? OptionalLong.empty() : OptionalLong.of(residents);
    }

    /** The residents of the districts together; empty if any of them has no population. */
    public static OptionalLong residentsOf(Collection<String> districtCodes, Census census) {
        long total = 0;
        for (String code : districtCodes) {
            OptionalLong residents = residentsOf(code, census);
            if (residents.isEmpty()) {
                return OptionalLong.empty();
            }
            total += residents.getAsLong();
        }
        return districtCodes.isEmpty() ? OptionalLong.empty() : OptionalLong.of(total);
    }

    private static Map<Census, Map<String, Long>> read() {
        Map<Census, Map<String, Long>> residents = new EnumMap<>(Census.class);
        for (Census census : Census.values()) {
            residents.put(census, new HashMap<>());
        }
        for (List<String> row : OnsDistrictFiles.rows(FILE, 4)) {
            String now = LocalAuthorityDistricts.currentDistrictOf(row.get(0)).map(District::code)
                    .orElseThrow(() -> new IllegalStateException(FILE + ": " + row.get(0) + " is no district"));
            residents.get(Census.CENSUS_2011).merge(now, Long.parseLong(row.get(2)), Long::sum);
            residents.get(Census.CENSUS_2021).merge(now, Long.parseLong(row.get(3)), Long::sum);
        }
        for (District district : LocalAuthorityDistricts.current()) {
            if (!residents.get(Census.CENSUS_2021).containsKey(district.code())) {
                throw new IllegalStateException(FILE + " has no population for " + district.code() + " "
                        + district.name());
            }
        }
        residents.replaceAll((census, byDistrict) -> Collections.unmodifiableMap(byDistrict));
        return residents;
    }
}
