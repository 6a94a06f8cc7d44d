package org.saferpartnerships.platform.geography;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class LocalAuthorityDistrictsTest {

    @Test
    void districtsAreFoundByTheNamesPoliceUkLsoaNamesUse() {
        // ONS: "Bristol, City of", "Kingston upon Hull, City of", "Herefordshire, County of",
        // "King’s Lynn and West Norfolk" (typographic apostrophe), "St. Helens".
        assertThat(LocalAuthorityDistricts.codeNamed("Bristol"), equalTo(Optional.of("E06000023")));
        assertThat(LocalAuthorityDistricts.codeNamed("Kingston upon Hull"), equalTo(Optional.of("E06000010")));
        assertThat(LocalAuthorityDistricts.codeNamed("Herefordshire"), equalTo(Optional.of("E06000019")));
        assertThat(LocalAuthorityDistricts.codeNamed("King's Lynn and West Norfolk"), equalTo(Optional.of("E07000146")));
        assertThat(LocalAuthorityDistricts.codeNamed("St Helens"), equalTo(Optional.of("E08000013")));
        assertThat(LocalAuthorityDistricts.codeNamed("St. Helens"), equalTo(Optional.of("E08000013")));
        assertThat(LocalAuthorityDistricts.codeNamed("colchester"), equalTo(Optional.of("E07000071")));
        assertThat(LocalAuthorityDistricts.codeNamed("City of London"), equalTo(Optional.of("E09000001")));
    }

    @Test
    void aNameThatIsNoDistrictNowIsNotFound() {
        assertThat(LocalAuthorityDistricts.codeNamed("St Edmundsbury"), equalTo(Optional.empty()));
        assertThat(LocalAuthorityDistricts.codeNamed(null), equalTo(Optional.empty()));
    }

    @Test
    void noTwoDistrictsShareAComparableName() {
        long distinct = LocalAuthorityDistricts.all().values().stream().map(LocalAuthorityDistricts::comparable)
                .collect(Collectors.toSet()).size();
        assertThat(distinct, equalTo((long) LocalAuthorityDistricts.all().size()));
    }
}
