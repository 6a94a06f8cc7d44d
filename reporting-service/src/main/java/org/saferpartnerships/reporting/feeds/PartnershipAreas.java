package org.saferpartnerships.reporting.feeds;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.saferpartnerships.platform.geography.Census;
import org.saferpartnerships.platform.geography.District;
import org.saferpartnerships.platform.geography.DistrictPopulations;
import org.saferpartnerships.platform.geography.LocalAuthorityDistricts;
import org.saferpartnerships.platform.geography.Reorganisation;
import org.saferpartnerships.reporting.directory.DirectoryPartnership;

/**
 * The areas figures are counted over: a partnership's districts as they stand now (incidents are
 * counted in the district that holds their place now, so a district it registered before a
 * reorganisation counts as its successor), their residents, and the reorganisations a period spans.
 */
@ApplicationScoped
public class PartnershipAreas {

    /** Rates per 1,000 residents are given to two decimal places. */
    static final int RATE_SCALE = 2;

    /** Each partnership's districts standing now, in code order; none for a partnership not known yet. */
    public Map<String, List<String>> districtsOf(List<String> partnerships) {
        Map<String, DirectoryPartnership> known = DirectoryPartnership.<DirectoryPartnership>list("id in ?1",
                partnerships).stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
        Map<String, List<String>> districts = new LinkedHashMap<>();
        for (String partnership : partnerships) {
            DirectoryPartnership directory = known.get(partnership);
            districts.put(partnership, directory == null ? List.of() : directory.districts.stream()
                    .map(code -> LocalAuthorityDistricts.currentDistrictOf(code).map(District::code).orElse(code))
                    .distinct().sorted().toList());
        }
        return districts;
    }

    /** The districts' residents at the census; empty where any is unknown or none is given. */
    public OptionalLong residents(Collection<String> districts, Census census) {
        return DistrictPopulations.residentsOf(districts, census);
    }

    /** The reorganisations of the districts taking effect after {@code first} and by {@code last}, earliest first. */
    public List<ReorganisedDistrict> reorganisations(Collection<String> districts, LocalDate first, LocalDate last) {
        return districts.stream().distinct()
                .flatMap(code -> LocalAuthorityDistricts.reorganisationsOf(code, first, last).stream())
                .sorted(Comparator.comparing(Reorganisation::on).thenComparing(r -> r.district().code()))
                .map(ReorganisedDistrict::of).distinct().toList();
    }

    /** A count per 1,000 residents; none where either is missing or there are no residents. */
    public static BigDecimal per1000(Long count, OptionalLong residents) {
        if (count == null || residents.isEmpty() || residents.getAsLong() == 0) {
            return null;
        }
        return BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(1000))
                .divide(BigDecimal.valueOf(residents.getAsLong()), RATE_SCALE, RoundingMode.HALF_UP);
    }
}
