package org.saferpartnerships.platform.geography;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The local authority districts of England and Wales since 2011, the areas partnerships are defined
 * by, with their changes: every ONS GSS code, its name, when it stood and what carried it on. The
 * one place that says which district a code or name meant on a date and which district holds that
 * area now. Reference data shipped with the platform; see {@code reference/ons/SOURCE.md} for
 * sources and licence. The table ends with the changes of 1 April 2023.
 */
public final class LocalAuthorityDistricts {

    private static final Map<String, District> BY_CODE = byCode(OnsDistrictFiles.read());
    private static final Map<String, List<District>> BY_NAME = byName(BY_CODE);

    private LocalAuthorityDistricts() {
    }

    /** Any district since 2011, current or abolished. */
    public static Optional<District> district(String gssCode) {
        return Optional.ofNullable(gssCode == null ? null : BY_CODE.get(gssCode));
    }

    /** Whether the code is a district's, current or abolished. */
    public static boolean exists(String gssCode) {
        return district(gssCode).isPresent();
    }

    /** Whether the code is a district's that stands now. */
    public static boolean isCurrent(String gssCode) {
        return district(gssCode).filter(District::current).isPresent();
    }

    public static Optional<String> nameOf(String gssCode) {
        return district(gssCode).map(District::name);
    }

    /** Every district since 2011, by code. */
    public static List<District> all() {
        return List.copyOf(BY_CODE.values());
    }

    /** The districts standing now, by code. */
    public static List<District> current() {
        return BY_CODE.values().stream().filter(District::current).toList();
    }

    /** The districts standing on the date, by code; before 2011, those of 2011. */
    public static List<District> validOn(LocalDate date) {
        return BY_CODE.values().stream().filter(d -> d.validOn(date)).toList();
    }

    /**
     * The district that held this district's area on the date: itself while it stood, after its
     * abolition the successor that carried it on (St Edmundsbury's, on 1 April 2019, West Suffolk),
     * before a recode the code it replaced. Empty for an unknown code, and for a date before a district
     * formed out of several: which of them a place lay in cannot be told from the district.
     */
    public static Optional<District> districtOn(String gssCode, LocalDate date) {
        return district(gssCode).flatMap(d -> heldOn(d, date));
    }

    /**
     * {@link #districtOn} for a district known by its name, as other publications write it:
     * data.police.uk's LSOA names say "Bristol", "Kingston upon Hull", "King's Lynn and West
     * Norfolk" where ONS lists "Bristol, City of", "Kingston upon Hull, City of", "King’s Lynn and
     * West Norfolk". Case, the apostrophe's shape, a trailing ", City of" / ", County of" and the full
     * stop of "St." do not count; a former name under the same code ("Shepway") does. A name that
     * two districts bore in turn (St Albans, before and after its recode) means the one standing on the date.
     */
    public static Optional<District> districtNamedOn(String name, LocalDate date) {
        List<District> named = name == null ? List.of() : BY_NAME.getOrDefault(comparable(name), List.of());
        Optional<District> standing = named.stream().filter(d -> d.validOn(date)).findFirst();
        if (standing.isPresent()) {
            return standing;
        }
        List<District> held = named.stream().flatMap(d -> heldOn(d, date).stream()).distinct().toList();
        return held.size() == 1 ? Optional.of(held.get(0)) : Optional.empty();
    }

    /** The district that holds this district's area now: itself while it stands, else what carried it on. */
    public static Optional<District> currentDistrictOf(String gssCode) {
        return district(gssCode).map(d -> {
            District at = d;
            while (!at.current()) {
                at = successor(at);
            }
            return at;
        });
    }

    /**
     * Every district, standing or abolished, whose area the district holds now, itself included:
     * for Cumberland, Allerdale, Carlisle and Copeland too. Empty for an unknown code.
     */
    public static List<District> heldNowBy(String gssCode) {
        return currentDistrictOf(gssCode).map(now -> BY_CODE.values().stream()
                .filter(d -> currentDistrictOf(d.code()).orElseThrow().equals(now)).toList()).orElse(List.of());
    }

    /**
     * The reorganisations that made the district what it is and took effect after {@code first} and
     * no later than {@code last}, earliest first: what a figure over those days adds up. West Suffolk
     * over 2018-04-01 to 2020-03-31 has one, its forming from Forest Heath and St Edmundsbury on
     * 1 April 2019; a chain (a district recoded, then merged) gives each step. Small boundary transfers
     * are not reorganisations.
     */
    public static List<Reorganisation> reorganisationsOf(String gssCode, LocalDate first, LocalDate last) {
        List<Reorganisation> found = new ArrayList<>();
        district(gssCode).ifPresent(d -> collectReorganisations(d, first, last, found));
        found.sort(Comparator.comparing(Reorganisation::on).thenComparing(r -> r.district().code()));
        return List.copyOf(found);
    }

    private static void collectReorganisations(District district, LocalDate first, LocalDate last,
            List<Reorganisation> found) {
        if (district.validFrom() == null || !district.validFrom().isAfter(first)) {
            return;
        }
        List<District> formedFrom = district.predecessors().stream().filter(DistrictChange::carriesOn)
                .map(change -> BY_CODE.get(change.formerCode())).toList();
        if (formedFrom.isEmpty()) {
            return;
        }
        if (!district.validFrom().isAfter(last)) {
            found.add(new Reorganisation(district, district.validFrom(), formedFrom));
        }
        formedFrom.forEach(former -> collectReorganisations(former, first, last, found));
    }

    private static Optional<District> heldOn(District district, LocalDate date) {
        District at = district;
        while (at.validTo() != null && !date.isBefore(at.validTo())) {
            at = successor(at);
        }
        while (at.validFrom() != null && date.isBefore(at.validFrom())) {
            // Only a recode has one predecessor carrying it on; a merger has several.
            List<DistrictChange> whole = at.predecessors().stream().filter(DistrictChange::carriesOn).toList();
            if (whole.size() != 1) {
                return Optional.empty();
            }
            at = BY_CODE.get(whole.get(0).formerCode());
        }
        return Optional.of(at);
    }

    private static District successor(District district) {
        return BY_CODE.get(district.continuation().orElseThrow().successorCode());
    }

    static String comparable(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT).replace('\u2019', '\'').replaceAll("\\s+", " ");
        key = key.replaceFirst(", (city|county) of$", "");
        return key.replaceAll("\\bst\\. ", "st ");
    }

    private static Map<String, District> byCode(List<District> districts) {
        Map<String, District> byCode = new LinkedHashMap<>();
        districts.forEach(d -> byCode.put(d.code(), d));
        return Collections.unmodifiableMap(byCode);
    }

    private static Map<String, List<District>> byName(Map<String, District> byCode) {
        Map<String, List<District>> byName = new HashMap<>();
        byCode.values().forEach(d -> Stream.concat(Stream.of(d.name()), d.formerNames().stream())
                .forEach(name -> byName.merge(comparable(name), List.of(d),
                        (some, more) -> Stream.concat(some.stream(), more.stream()).toList())));
        return Collections.unmodifiableMap(byName);
    }
}
