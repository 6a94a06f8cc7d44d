package org.saferpartnerships.platform.geography;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class DistrictPopulationsTest {

    @Test
    void aDistrictHasItsCensusCountsAsOnsPublishedThem() {
        assertThat(DistrictPopulations.residentsOf("E07000071", Census.CENSUS_2021), equalTo(OptionalLong.of(192_700)));
        assertThat(DistrictPopulations.residentsOf("E07000071", Census.CENSUS_2011), equalTo(OptionalLong.of(173_074)));
        assertThat(DistrictPopulations.residentsOf("W06000015", Census.CENSUS_2021), equalTo(OptionalLong.of(362_400)));
    }

    @Test
    void aDistrictFormedSince2022CountsTheDistrictsItWasFormedFrom() {
        // Allerdale 96,100 + Carlisle 110,000 + Copeland 67,100.
        assertThat(DistrictPopulations.residentsOf("E06000063", Census.CENSUS_2021), equalTo(OptionalLong.of(273_200)));
        assertThat(DistrictPopulations.residentsOf("E06000063", Census.CENSUS_2011),
                equalTo(OptionalLong.of(96_422 + 107_524 + 70_603)));
    }

    @Test
    void everyDistrictStandingNowHasAPopulationAndEveryResidentIsCountedOnce() {
        List<String> current = LocalAuthorityDistricts.current().stream().map(District::code).toList();
        assertThat(current.size(), is(296 + 22));
        // The sums of the file's 331 rows (SOURCE.md).
        assertThat(DistrictPopulations.residentsOf(current, Census.CENSUS_2021), equalTo(OptionalLong.of(59_597_500)));
        assertThat(DistrictPopulations.residentsOf(current, Census.CENSUS_2011), equalTo(OptionalLong.of(56_075_912)));
    }

    @Test
    void anAbolishedDistrictHasNoPopulationOfItsOwn() {
        assertThat(DistrictPopulations.residentsOf("E07000201", Census.CENSUS_2021), equalTo(OptionalLong.empty()));
        assertThat(DistrictPopulations.residentsOf(List.of("E07000071", "E07000201"), Census.CENSUS_2021),
                equalTo(OptionalLong.empty()));
        assertThat(DistrictPopulations.residentsOf(List.of(), Census.CENSUS_2021), equalTo(OptionalLong.empty()));
    }

    @Test
    void aPeriodTakesTheCensusNearestItsMiddle() {
        assertThat(Census.nearest(LocalDate.of(2015, 4, 1), LocalDate.of(2016, 3, 31)), is(Census.CENSUS_2011));
        assertThat(Census.nearest(LocalDate.of(2016, 4, 1), LocalDate.of(2017, 3, 31)), is(Census.CENSUS_2021));
        // 24 March 2016 is 1,824 days from both census days.
        assertThat(Census.nearest(LocalDate.of(2016, 3, 24), LocalDate.of(2016, 3, 24)), is(Census.CENSUS_2021));
        assertThat(Census.nearest(LocalDate.of(2016, 3, 23), LocalDate.of(2016, 3, 23)), is(Census.CENSUS_2011));
        assertThat(Census.nearest(LocalDate.of(2010, 12, 1), LocalDate.of(2012, 11, 30)), is(Census.CENSUS_2011));
    }

    @Test
    void aDistrictHoldsTheAreasOfEveryDistrictItCarriesOn() {
        assertThat(LocalAuthorityDistricts.heldNowBy("E06000063").stream().map(District::code).toList(),
                containsInAnyOrder("E06000063", "E07000026", "E07000028", "E07000029"));
        assertThat(LocalAuthorityDistricts.heldNowBy("E07000026").stream().map(District::code).toList(),
                containsInAnyOrder("E06000063", "E07000026", "E07000028", "E07000029"));
        // Taunton Deane, then Somerset West and Taunton, now Somerset.
        assertThat(LocalAuthorityDistricts.heldNowBy("E06000066").stream().map(District::code).toList(),
                hasItems("E07000190", "E07000191", "E07000246", "E07000187"));
        assertThat(LocalAuthorityDistricts.heldNowBy("E07000071").stream().map(District::code).toList(),
                contains("E07000071"));
        assertThat(LocalAuthorityDistricts.heldNowBy("E99999999"), equalTo(List.of()));
    }

    @Test
    void aPeriodAcrossAReorganisationNamesItAndTheDistrictsAddedUp() {
        List<Reorganisation> westSuffolk = LocalAuthorityDistricts.reorganisationsOf("E07000245",
                LocalDate.of(2018, 4, 1), LocalDate.of(2020, 3, 31));
        assertThat(westSuffolk.size(), is(1));
        assertThat(westSuffolk.get(0).on(), equalTo(LocalDate.of(2019, 4, 1)));
        assertThat(westSuffolk.get(0).formedFrom().stream().map(District::code).toList(),
                contains("E07000201", "E07000204"));
        assertThat(westSuffolk.get(0).statement(), equalTo("West Suffolk (E07000245) was formed on 2019-04-01 from "
                + "Forest Heath (E07000201) and St Edmundsbury (E07000204); figures before then are those districts' "
                + "added up."));
        assertThat(LocalAuthorityDistricts.reorganisationsOf("E07000245", LocalDate.of(2019, 4, 1),
                LocalDate.of(2020, 3, 31)), equalTo(List.of()));
        assertThat(LocalAuthorityDistricts.reorganisationsOf("E07000240", LocalDate.of(2011, 4, 1),
                LocalDate.of(2013, 3, 31)).get(0).statement(), equalTo("St Albans took the code E07000240 on "
                        + "2012-04-01 (it was E07000100); figures before then are counted under the new code."));
        assertThat(LocalAuthorityDistricts.reorganisationsOf("E07000071", LocalDate.of(2011, 1, 1),
                LocalDate.of(2024, 3, 31)), equalTo(List.of()));
    }
}
