package org.saferpartnerships.platform.geography;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class LocalAuthorityDistrictsTest {

    private static final LocalDate APRIL_2019 = LocalDate.of(2019, 4, 1);

    @Test
    void theTableHoldsEveryCodeOfTheOnsFilesItWasBuiltFromAndNoOther() throws IOException {
        List<List<String>> england2020 = rows("local-authority-districts-england-2022.csv");
        List<List<String>> england2023 = rows("local-authority-districts-england-2023.csv");
        List<List<String>> wales = rows("local-authority-districts-wales-2022.csv");
        List<List<String>> changes = rows("district-changes-2011-2023.csv");

        assertThat(byPrefix(column(england2020, 0)), equalTo(Map.of("E06", 57L, "E07", 188L, "E08", 36L, "E09", 33L)));
        assertThat(byPrefix(column(england2023, 0)), equalTo(Map.of("E06", 63L, "E07", 164L, "E08", 36L, "E09", 33L)));
        assertThat(byPrefix(column(wales, 0)), equalTo(Map.of("W06", 22L)));
        assertThat(changes.size(), equalTo(50));
        assertThat(changes.stream().collect(Collectors.groupingBy(row -> row.get(5), Collectors.counting())),
                equalTo(Map.of("merged", 42L, "recoded", 4L, "split", 4L)));
        Set<String> abolished = new TreeSet<>(column(changes, 1));
        Set<String> formed = new TreeSet<>(column(changes, 3));
        assertThat(abolished.size(), equalTo(48));
        assertThat(formed.size(), equalTo(18));

        Set<String> everyCode = new TreeSet<>();
        everyCode.addAll(column(england2020, 0));
        everyCode.addAll(column(england2023, 0));
        everyCode.addAll(column(wales, 0));
        everyCode.addAll(abolished);
        everyCode.addAll(formed);
        // 326 English districts of 2011, 18 formed since, 22 Welsh.
        assertThat(everyCode.size(), equalTo(366));
        assertThat(codes(LocalAuthorityDistricts.all()), equalTo(everyCode));
        assertThat(abolished.stream().filter(LocalAuthorityDistricts::isCurrent).toList(), equalTo(List.of()));
    }

    @Test
    void eachOnsSetIsExactlyTheDistrictsStandingOnItsDate() throws IOException {
        Set<String> england2020 = new TreeSet<>(column(rows("local-authority-districts-england-2022.csv"), 0));
        Set<String> england2023 = new TreeSet<>(column(rows("local-authority-districts-england-2023.csv"), 0));
        Set<String> wales = new TreeSet<>(column(rows("local-authority-districts-wales-2022.csv"), 0));

        assertThat(english(LocalDate.of(2020, 4, 1)), equalTo(england2020));
        assertThat(english(LocalDate.of(2021, 3, 31)), equalTo(england2020));
        assertThat(english(LocalDate.of(2023, 4, 1)), equalTo(england2023));
        Set<String> now = new TreeSet<>(england2023);
        now.addAll(wales);
        assertThat(codes(LocalAuthorityDistricts.current()), equalTo(now));
        assertThat(codes(LocalAuthorityDistricts.validOn(LocalDate.of(2012, 6, 1))).containsAll(wales), is(true));
        // The counts ONS's sets of the years between give (SOURCE.md), from the changes alone.
        assertThat(english(LocalDate.of(2011, 4, 1)).size(), equalTo(326));
        assertThat(english(LocalDate.of(2013, 4, 1)).size(), equalTo(326));
        assertThat(english(APRIL_2019).size(), equalTo(317));
        assertThat(english(LocalDate.of(2021, 4, 1)).size(), equalTo(309));
        assertThat(LocalAuthorityDistricts.current().size(), equalTo(318));
    }

    @Test
    void forestHeathAndStEdmundsburyBecameWestSuffolkOnTheFirstOfApril2019() {
        District forestHeath = LocalAuthorityDistricts.district("E07000201").orElseThrow();
        assertThat(forestHeath.name(), equalTo("Forest Heath"));
        assertThat(forestHeath.validFrom(), nullValue());
        assertThat(forestHeath.validTo(), equalTo(APRIL_2019));
        assertThat(forestHeath.successors(), contains(
                new DistrictChange(APRIL_2019, "E07000201", "E07000245", DistrictChange.Kind.MERGED, true)));
        District westSuffolk = LocalAuthorityDistricts.district("E07000245").orElseThrow();
        assertThat(westSuffolk.validFrom(), equalTo(APRIL_2019));
        assertThat(westSuffolk.predecessors().stream().map(DistrictChange::formerCode).toList(),
                contains("E07000201", "E07000204"));

        LocalDate dayBefore = APRIL_2019.minusDays(1);
        assertThat(code(LocalAuthorityDistricts.districtOn("E07000201", dayBefore)), equalTo("E07000201"));
        assertThat(code(LocalAuthorityDistricts.districtOn("E07000201", APRIL_2019)), equalTo("E07000245"));
        assertThat(code(LocalAuthorityDistricts.districtNamedOn("St Edmundsbury", dayBefore)), equalTo("E07000204"));
        assertThat(code(LocalAuthorityDistricts.districtNamedOn("St Edmundsbury", APRIL_2019)), equalTo("E07000245"));
        assertThat(code(LocalAuthorityDistricts.currentDistrictOf("E07000204")), equalTo("E07000245"));
        // Before it was formed, which of its two predecessors a place of West Suffolk was in is not known.
        assertThat(LocalAuthorityDistricts.districtOn("E07000245", dayBefore), equalTo(Optional.empty()));
        assertThat(LocalAuthorityDistricts.isCurrent("E07000201"), is(false));
        assertThat(LocalAuthorityDistricts.exists("E07000201"), is(true));
        assertThat(LocalAuthorityDistricts.isCurrent("E07000245"), is(true));
    }

    @Test
    void theUnitariesOfApril2023AreFormedOfTheirDistricts() {
        LocalDate april2023 = LocalDate.of(2023, 4, 1);
        assertThat(formedOf("E06000063"), containsInAnyOrder("E07000026", "E07000028", "E07000029"));
        assertThat(formedOf("E06000064"), containsInAnyOrder("E07000027", "E07000030", "E07000031"));
        assertThat(formedOf("E06000065"), containsInAnyOrder("E07000163", "E07000164", "E07000165", "E07000166",
                "E07000167", "E07000168", "E07000169"));
        assertThat(formedOf("E06000066"), containsInAnyOrder("E07000187", "E07000188", "E07000189", "E07000246"));
        for (String unitary : List.of("E06000063", "E06000064", "E06000065", "E06000066")) {
            District district = LocalAuthorityDistricts.district(unitary).orElseThrow();
            assertThat(district.validFrom(), equalTo(april2023));
            assertThat(district.current(), is(true));
        }
        assertThat(LocalAuthorityDistricts.nameOf("E06000064"), equalTo(Optional.of("Westmorland and Furness")));
        assertThat(code(LocalAuthorityDistricts.districtNamedOn("Allerdale", april2023.minusDays(1))), equalTo("E07000026"));
        assertThat(code(LocalAuthorityDistricts.districtNamedOn("Allerdale", april2023)), equalTo("E06000063"));

        // Taunton Deane was merged twice: into Somerset West and Taunton in 2019, into Somerset in 2023.
        assertThat(code(LocalAuthorityDistricts.districtOn("E07000190", APRIL_2019.minusDays(1))), equalTo("E07000190"));
        assertThat(code(LocalAuthorityDistricts.districtOn("E07000190", APRIL_2019)), equalTo("E07000246"));
        assertThat(code(LocalAuthorityDistricts.districtOn("E07000190", april2023.minusDays(1))), equalTo("E07000246"));
        assertThat(code(LocalAuthorityDistricts.districtOn("E07000190", april2023)), equalTo("E06000066"));
        assertThat(code(LocalAuthorityDistricts.currentDistrictOf("E07000190")), equalTo("E06000066"));
    }

    @Test
    void northamptonshireAndBuckinghamshireBecameUnitaries() {
        LocalDate april2021 = LocalDate.of(2021, 4, 1);
        assertThat(formedOf("E06000061"), containsInAnyOrder("E07000150", "E07000152", "E07000153", "E07000156"));
        assertThat(formedOf("E06000062"), containsInAnyOrder("E07000151", "E07000154", "E07000155"));
        assertThat(code(LocalAuthorityDistricts.districtNamedOn("Kettering", april2021.minusDays(1))), equalTo("E07000153"));
        assertThat(code(LocalAuthorityDistricts.districtNamedOn("Kettering", april2021)), equalTo("E06000061"));
        assertThat(formedOf("E06000060"), containsInAnyOrder("E07000004", "E07000005", "E07000006", "E07000007"));
        assertThat(code(LocalAuthorityDistricts.currentDistrictOf("E07000004")), equalTo("E06000060"));
        assertThat(LocalAuthorityDistricts.district("E07000004").orElseThrow().validTo(), equalTo(LocalDate.of(2020, 4, 1)));
    }

    @Test
    void aRecodeKeepsTheDistrictUnderANewCode() {
        LocalDate april2012 = LocalDate.of(2012, 4, 1);
        District stAlbans = LocalAuthorityDistricts.district("E07000100").orElseThrow();
        assertThat(stAlbans.successors(), contains(
                new DistrictChange(april2012, "E07000100", "E07000240", DistrictChange.Kind.RECODED, true)));
        assertThat(code(LocalAuthorityDistricts.districtNamedOn("St Albans", april2012.minusDays(1))), equalTo("E07000100"));
        assertThat(code(LocalAuthorityDistricts.districtNamedOn("St Albans", april2012)), equalTo("E07000240"));
        // The new code given for a date before the recode means the old one, whose area it is.
        assertThat(code(LocalAuthorityDistricts.districtOn("E07000240", april2012.minusDays(1))), equalTo("E07000100"));
        assertThat(code(LocalAuthorityDistricts.currentDistrictOf("E07000104")), equalTo("E07000241"));
        assertThat(code(LocalAuthorityDistricts.currentDistrictOf("E06000048")), equalTo("E06000057"));
        assertThat(code(LocalAuthorityDistricts.currentDistrictOf("E07000101")), equalTo("E07000243"));
        assertThat(code(LocalAuthorityDistricts.districtOn("E07000243", LocalDate.of(2013, 3, 31))), equalTo("E07000101"));
    }

    @Test
    void aSmallBoundaryTransferKeepsTheDistrictItWasTakenFrom() {
        LocalDate april2013 = LocalDate.of(2013, 4, 1);
        District gateshead = LocalAuthorityDistricts.district("E08000020").orElseThrow();
        assertThat(gateshead.successors(), contains(
                new DistrictChange(april2013, "E08000020", "E06000057", DistrictChange.Kind.SPLIT, false),
                new DistrictChange(april2013, "E08000020", "E08000037", DistrictChange.Kind.SPLIT, true)));
        assertThat(code(LocalAuthorityDistricts.currentDistrictOf("E08000020")), equalTo("E08000037"));
        assertThat(code(LocalAuthorityDistricts.districtNamedOn("Gateshead", april2013)), equalTo("E08000037"));
        assertThat(code(LocalAuthorityDistricts.currentDistrictOf("E07000097")), equalTo("E07000242"));
        assertThat(code(LocalAuthorityDistricts.districtNamedOn("East Hertfordshire", april2013.minusDays(1))),
                equalTo("E07000097"));
    }

    @Test
    void everyAbolishedDistrictsAreaIsInExactlyOneCurrentDistrictBarTheTwoBoundaryTransfers() {
        // Checked through every link, not only those that carry a district on: no merger's successor
        // was later divided, so a merged district's places are all in one district now.
        Map<String, Set<String>> reachable = new TreeMap<>();
        for (District district : LocalAuthorityDistricts.all()) {
            reachable.put(district.code(), currentReachedFrom(district));
        }
        Map<String, Set<String>> several = reachable.entrySet().stream().filter(e -> e.getValue().size() != 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(several, equalTo(Map.of("E07000097", Set.of("E07000242", "E07000243"),
                "E08000020", Set.of("E06000057", "E08000037"))));
        assertThat(LocalAuthorityDistricts.all().stream().map(d -> LocalAuthorityDistricts.currentDistrictOf(d.code())
                .orElseThrow().current()).toList(), everyItem(is(true)));
    }

    @Test
    void theTwentyTwoWelshPrincipalAreasStandThroughout() {
        List<District> welsh = LocalAuthorityDistricts.current().stream().filter(d -> d.code().startsWith("W06")).toList();
        assertThat(welsh.size(), equalTo(22));
        assertThat(welsh.stream().filter(d -> d.validFrom() != null || !d.successors().isEmpty()).toList(),
                equalTo(List.of()));
        assertThat(code(LocalAuthorityDistricts.districtNamedOn("Cardiff", LocalDate.of(2012, 1, 1))), equalTo("W06000015"));
        assertThat(LocalAuthorityDistricts.isCurrent("W06000015"), is(true));
        assertThat(code(LocalAuthorityDistricts.districtNamedOn("The Vale of Glamorgan", LocalDate.of(2012, 1, 1))),
                equalTo("W06000014"));
        assertThat(code(LocalAuthorityDistricts.districtNamedOn("Vale of Glamorgan", LocalDate.of(2024, 1, 1))),
                equalTo("W06000014"));
    }

    @Test
    void districtsAreFoundByTheNamesPoliceUkLsoaNamesUse() {
        // ONS: "Bristol, City of", "Kingston upon Hull, City of", "Herefordshire, County of",
        // "King’s Lynn and West Norfolk" (typographic apostrophe in the 2020 set), "St. Helens".
        LocalDate day = LocalDate.of(2024, 5, 1);
        Function<String, String> named = name -> code(LocalAuthorityDistricts.districtNamedOn(name, day));
        assertThat(named.apply("Bristol"), equalTo("E06000023"));
        assertThat(named.apply("Kingston upon Hull"), equalTo("E06000010"));
        assertThat(named.apply("Herefordshire"), equalTo("E06000019"));
        assertThat(named.apply("King's Lynn and West Norfolk"), equalTo("E07000146"));
        assertThat(named.apply("King’s Lynn and West Norfolk"), equalTo("E07000146"));
        assertThat(named.apply("St Helens"), equalTo("E08000013"));
        assertThat(named.apply("St. Helens"), equalTo("E08000013"));
        assertThat(named.apply("colchester"), equalTo("E07000071"));
        assertThat(named.apply("City of London"), equalTo("E09000001"));
        assertThat(named.apply("Bournemouth, Christchurch and Poole"), equalTo("E06000058"));
        // Renamed in 2018 under the same code; LSOA names kept the old name.
        assertThat(named.apply("Shepway"), equalTo("E07000112"));
        assertThat(code(LocalAuthorityDistricts.districtNamedOn("Shepway", LocalDate.of(2015, 1, 1))), equalTo("E07000112"));
    }

    @Test
    void aNameOrCodeOfNoDistrictIsNotFound() {
        assertThat(LocalAuthorityDistricts.districtNamedOn("Atlantis", LocalDate.of(2018, 1, 1)), equalTo(Optional.empty()));
        assertThat(LocalAuthorityDistricts.districtNamedOn(null, LocalDate.of(2018, 1, 1)), equalTo(Optional.empty()));
        assertThat(LocalAuthorityDistricts.districtOn("E99999999", LocalDate.of(2018, 1, 1)), equalTo(Optional.empty()));
        assertThat(LocalAuthorityDistricts.exists(null), is(false));
        assertThat(LocalAuthorityDistricts.currentDistrictOf("E99999999"), equalTo(Optional.empty()));
    }

    @Test
    void noTwoCurrentDistrictsShareAComparableName() {
        List<District> current = LocalAuthorityDistricts.current();
        long distinct = current.stream().map(d -> LocalAuthorityDistricts.comparable(d.name()))
                .collect(Collectors.toSet()).size();
        assertThat(distinct, equalTo((long) current.size()));
    }

    private static Set<String> currentReachedFrom(District district) {
        Set<String> reached = new HashSet<>();
        Deque<District> open = new ArrayDeque<>(List.of(district));
        while (!open.isEmpty()) {
            District next = open.pop();
            if (next.current()) {
                reached.add(next.code());
            }
            next.successors().forEach(c -> open.push(LocalAuthorityDistricts.district(c.successorCode()).orElseThrow()));
        }
        return reached;
    }

    private static List<String> formedOf(String code) {
        return LocalAuthorityDistricts.district(code).orElseThrow().predecessors().stream()
                .map(DistrictChange::formerCode).toList();
    }

    private static Set<String> english(LocalDate date) {
        return codes(LocalAuthorityDistricts.validOn(date)).stream().filter(c -> c.startsWith("E"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> codes(List<District> districts) {
        return districts.stream().map(District::code).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String code(Optional<District> district) {
        return district.map(District::code).orElse(null);
    }

    private static Map<String, Long> byPrefix(List<String> codes) {
        return codes.stream().collect(Collectors.groupingBy(c -> c.substring(0, 3), Collectors.counting()));
    }

    private static List<String> column(List<List<String>> rows, int index) {
        return rows.stream().map(row -> row.get(index)).toList();
    }

    /** The rows after the header, read here independently of the table: names with commas are quoted, codes never. */
    private static List<List<String>> rows(String file) throws IOException {
        try (InputStream in = LocalAuthorityDistrictsTest.class.getClassLoader()
                .getResourceAsStream("reference/ons/" + file)) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().skip(1).filter(line -> !line.isBlank())
                    .map(line -> List.of(line.replaceAll("\"[^\"]*\"", "name").split(",", -1))).toList();
        }
    }
}
