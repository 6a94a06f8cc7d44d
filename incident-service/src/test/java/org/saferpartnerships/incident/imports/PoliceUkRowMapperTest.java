package org.saferpartnerships.incident.imports;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.saferpartnerships.incident.register.IncidentInput;
import org.saferpartnerships.platform.events.incident.Outcome;

class PoliceUkRowMapperTest {

    private static final YearMonth THIS_MONTH = YearMonth.of(2026, 12);

    private static final String CRIME_ID = "5a3f1c9e0b7d4e2a8c6f1b3d5e7a9c0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c";

    /** A Colchester burglary as data.police.uk publishes it. */
    private static List<String> burglary() {
        return new ArrayList<>(List.of(CRIME_ID, "2024-05", "Essex Police", "Essex Police", "0.901", "51.889",
                "On or near High Street", "E01021543", "Colchester 001A", "Burglary", "Under investigation", ""));
    }

    private static List<String> asb() {
        List<String> row = burglary();
        row.set(PoliceUkCsv.CRIME_ID, "");
        row.set(PoliceUkCsv.CRIME_TYPE, "Anti-social behaviour");
        row.set(PoliceUkCsv.OUTCOME, "");
        return row;
    }

    @Test
    void aCrimeRowBecomesTheIncidentAnAgencyWouldPost() {
        IncidentInput incident = mapped(new PoliceUkRowMapper(THIS_MONTH), burglary());

        assertThat(incident.externalRef(), equalTo(CRIME_ID));
        assertThat(incident.category(), equalTo("burglary"));
        assertThat(incident.districtCode(), equalTo("E07000071"));
        // The partnership is left to the district, as for a post without one.
        assertThat(incident.partnershipId(), nullValue());
        assertThat(incident.occurredMonth(), equalTo("2024-05"));
        assertThat(incident.occurredOn(), nullValue());
        assertThat(incident.month(), equalTo("2024-05"));
        assertThat(incident.lsoaCode(), equalTo("E01021543"));
        assertThat(incident.latitude(), equalTo(new BigDecimal("51.889")));
        assertThat(incident.longitude(), equalTo(new BigDecimal("0.901")));
        assertThat(incident.locationDescription(), equalTo("On or near High Street"));
        assertThat(incident.outcome(), equalTo(Outcome.UNDER_INVESTIGATION));
    }

    @Test
    void theCategoryIsTheCrimeTypeByItsDisplayName() {
        assertThat(mapped(new PoliceUkRowMapper(THIS_MONTH), with(burglary(), PoliceUkCsv.CRIME_TYPE,
                "Violence and sexual offences")).category(), equalTo("violent-crime"));
        assertThat(mapped(new PoliceUkRowMapper(THIS_MONTH), with(burglary(), PoliceUkCsv.CRIME_TYPE,
                "Criminal damage and arson")).category(), equalTo("criminal-damage-arson"));
        assertThat(mapped(new PoliceUkRowMapper(THIS_MONTH), asb()).category(), equalTo("anti-social-behaviour"));
        assertThat(rejection(with(burglary(), PoliceUkCsv.CRIME_TYPE, "burglary")), equalTo("unknown Crime type"));
        assertThat(rejection(with(burglary(), PoliceUkCsv.CRIME_TYPE, "Arson")), equalTo("unknown Crime type"));
    }

    @Test
    void theDistrictIsTheLsoaNameWithoutItsSuffixWhateverTheCase() {
        assertThat(mapped(new PoliceUkRowMapper(THIS_MONTH), with(burglary(), PoliceUkCsv.LSOA_NAME, "Castle Point 005B"))
                .districtCode(), equalTo("E07000069"));
        assertThat(mapped(new PoliceUkRowMapper(THIS_MONTH), with(burglary(), PoliceUkCsv.LSOA_NAME, "Southend-on-Sea 010A"))
                .districtCode(), equalTo("E06000033"));
        assertThat(mapped(new PoliceUkRowMapper(THIS_MONTH), with(burglary(), PoliceUkCsv.LSOA_NAME, "TENDRING 018C"))
                .districtCode(), equalTo("E07000076"));
    }

    @Test
    void districtsOnsNamesDifferentlyAreFoundByTheirLsoaNames() {
        // ONS: "Bristol, City of", "King’s Lynn and West Norfolk"; these rows used to count as outside.
        assertThat(mapped(new PoliceUkRowMapper(THIS_MONTH), with(burglary(), PoliceUkCsv.LSOA_NAME, "Bristol 032B"))
                .districtCode(), equalTo("E06000023"));
        assertThat(mapped(new PoliceUkRowMapper(THIS_MONTH), with(burglary(), PoliceUkCsv.LSOA_NAME,
                "King's Lynn and West Norfolk 001A")).districtCode(), equalTo("E07000146"));
    }

    @Test
    void aRowOfAnAbolishedDistrictIsPlacedInTheDistrictOfItsMonthAndCountedInTodays() {
        // St Edmundsbury's LSOAs kept their 2011 names after it became part of West Suffolk in April 2019.
        IncidentInput before = mapped(new PoliceUkRowMapper(THIS_MONTH),
                in(burglary(), "2019-03", "St Edmundsbury 014C"));
        assertThat(before.districtCode(), equalTo("E07000204"));
        assertThat(before.reportedDistrictCode(), equalTo("E07000204"));
        assertThat(before.currentDistrictCode(), equalTo("E07000245"));
        IncidentInput after = mapped(new PoliceUkRowMapper(THIS_MONTH), in(burglary(), "2019-04", "St Edmundsbury 014C"));
        assertThat(after.districtCode(), equalTo("E07000245"));
        assertThat(after.currentDistrictCode(), equalTo("E07000245"));

        IncidentInput forestHeath = mapped(new PoliceUkRowMapper(THIS_MONTH), in(burglary(), "2018-05", "Forest Heath 001A"));
        assertThat(forestHeath.districtCode(), equalTo("E07000201"));
        assertThat(forestHeath.currentDistrictCode(), equalTo("E07000245"));
        IncidentInput kettering = mapped(new PoliceUkRowMapper(THIS_MONTH), in(burglary(), "2018-06", "Kettering 007B"));
        assertThat(kettering.districtCode(), equalTo("E07000153"));
        assertThat(kettering.currentDistrictCode(), equalTo("E06000061"));
        // Merged twice: Somerset West and Taunton in 2019, Somerset in 2023.
        IncidentInput tauntonDeane = mapped(new PoliceUkRowMapper(THIS_MONTH),
                in(burglary(), "2020-06", "Taunton Deane 012A"));
        assertThat(tauntonDeane.districtCode(), equalTo("E07000246"));
        assertThat(tauntonDeane.currentDistrictCode(), equalTo("E06000066"));
        IncidentInput allerdale = mapped(new PoliceUkRowMapper(THIS_MONTH), in(burglary(), "2023-03", "Allerdale 001A"));
        assertThat(allerdale.districtCode(), equalTo("E07000026"));
        assertThat(allerdale.currentDistrictCode(), equalTo("E06000063"));
        assertThat(mapped(new PoliceUkRowMapper(THIS_MONTH), in(burglary(), "2015-01", "Aylesbury Vale 003C"))
                .currentDistrictCode(), equalTo("E06000060"));
    }

    @Test
    void aLaterLsoaNameOfADistrictFormedOutOfSeveralStandsAsNamed() {
        IncidentInput incident = mapped(new PoliceUkRowMapper(THIS_MONTH), in(burglary(), "2018-05", "West Suffolk 004C"));

        assertThat(incident.districtCode(), equalTo("E07000245"));
        assertThat(incident.reportedDistrictCode(), equalTo("E07000245"));
        assertThat(incident.currentDistrictCode(), equalTo("E07000245"));
    }

    @Test
    void welshAndRenamedDistrictsAreFound() {
        assertThat(mapped(new PoliceUkRowMapper(THIS_MONTH), in(burglary(), "2018-05", "Cardiff 032F")).districtCode(),
                equalTo("W06000015"));
        assertThat(mapped(new PoliceUkRowMapper(THIS_MONTH), in(burglary(), "2018-05", "The Vale of Glamorgan 001A"))
                .districtCode(), equalTo("W06000014"));
        assertThat(mapped(new PoliceUkRowMapper(THIS_MONTH), in(burglary(), "2016-05", "Shepway 012A")).districtCode(),
                equalTo("E07000112"));
    }

    @Test
    void anAreaThatNamesNoDistrictIsReportedByItsName() {
        assertThat(map(new PoliceUkRowMapper(THIS_MONTH), with(burglary(), PoliceUkCsv.LSOA_NAME, "Atlantis 001A")),
                equalTo(new PoliceUkRowMapper.OutsideDistricts("Atlantis")));
        assertThat(map(new PoliceUkRowMapper(THIS_MONTH), with(burglary(), PoliceUkCsv.LSOA_NAME, "Colchester")),
                equalTo(new PoliceUkRowMapper.OutsideDistricts("Colchester")));
    }

    @Test
    void aRowWithoutAnLsoaHasNoLocation() {
        List<String> row = with(burglary(), PoliceUkCsv.LSOA_NAME, "");
        row.set(PoliceUkCsv.LSOA_CODE, "");
        row.set(PoliceUkCsv.LATITUDE, "");
        row.set(PoliceUkCsv.LONGITUDE, "");

        assertThat(map(new PoliceUkRowMapper(THIS_MONTH), row), instanceOf(PoliceUkRowMapper.WithoutLocation.class));
    }

    @Test
    void optionalFieldsLeftEmptyAreAbsentNotEmpty() {
        List<String> row = asb();
        row.set(PoliceUkCsv.LSOA_CODE, "");
        row.set(PoliceUkCsv.LATITUDE, "");
        row.set(PoliceUkCsv.LONGITUDE, "");
        row.set(PoliceUkCsv.LOCATION, "");

        IncidentInput incident = mapped(new PoliceUkRowMapper(THIS_MONTH), row);

        assertThat(incident.lsoaCode(), nullValue());
        assertThat(incident.latitude(), nullValue());
        assertThat(incident.longitude(), nullValue());
        assertThat(incident.locationDescription(), nullValue());
        assertThat(incident.outcome(), nullValue());
        assertThat(incident.districtCode(), equalTo("E07000071"));
    }

    @Test
    void aLocationIsCutToTheTwoHundredCharactersAnIncidentHolds() {
        String longPlace = "On or near " + "Long Road ".repeat(30);

        String location = mapped(new PoliceUkRowMapper(THIS_MONTH), with(burglary(), PoliceUkCsv.LOCATION, longPlace))
                .locationDescription();

        assertThat(location.length(), equalTo(200));
        assertThat(longPlace, startsWith(location));
    }

    @Test
    void badRowsAreRejectedWithTheReason() {
        String thisMonth = THIS_MONTH.toString();
        assertThat(mapped(new PoliceUkRowMapper(THIS_MONTH), with(burglary(), PoliceUkCsv.MONTH, thisMonth)).occurredMonth(),
                equalTo(thisMonth));

        assertThat(rejection(with(burglary(), PoliceUkCsv.MONTH, THIS_MONTH.plusMonths(1).toString())),
                equalTo("Month is in the future"));
        assertThat(rejection(with(burglary(), PoliceUkCsv.MONTH, "2024-5")), equalTo("Month is not YYYY-MM"));
        assertThat(rejection(with(burglary(), PoliceUkCsv.MONTH, "2024-13")), equalTo("Month is not YYYY-MM"));
        assertThat(rejection(with(burglary(), PoliceUkCsv.MONTH, "May 2024")), equalTo("Month is not YYYY-MM"));
        assertThat(rejection(with(burglary(), PoliceUkCsv.LSOA_CODE, "E02004484")),
                equalTo("LSOA code is not an ONS LSOA code"));
        assertThat(rejection(with(burglary(), PoliceUkCsv.LATITUDE, "fifty-one")),
                equalTo("Longitude or Latitude is not a number"));
        assertThat(rejection(with(burglary(), PoliceUkCsv.LATITUDE, "")),
                equalTo("coordinates are not a point inside the UK"));
        List<String> paris = with(burglary(), PoliceUkCsv.LATITUDE, "48.8566");
        paris.set(PoliceUkCsv.LONGITUDE, "2.3522");
        assertThat(rejection(paris), equalTo("coordinates are not a point inside the UK"));
        assertThat(rejection(with(burglary(), PoliceUkCsv.OUTCOME, "Sent to prison")),
                equalTo("unknown Last outcome category"));
    }

    @Test
    void aLineThatIsNotTwelveFieldsOrHoldsNulIsRejected() {
        String good = line(burglary());
        assertThat(map(new PoliceUkRowMapper(THIS_MONTH), good), instanceOf(PoliceUkRowMapper.Mapped.class));

        String eleven = good.substring(0, good.lastIndexOf(','));
        assertThat(map(new PoliceUkRowMapper(THIS_MONTH), eleven), equalTo(
                new PoliceUkRowMapper.Rejected("malformed line: not 12 comma-separated fields")));
        String unclosedQuote = good.replace("On or near", "\"On or near");
        assertThat(map(new PoliceUkRowMapper(THIS_MONTH), unclosedQuote), equalTo(
                new PoliceUkRowMapper.Rejected("malformed line: not 12 comma-separated fields")));
        assertThat(map(new PoliceUkRowMapper(THIS_MONTH), good.replace("High", "Hi\u0000gh")),
                equalTo(new PoliceUkRowMapper.Rejected("NUL characters in the line")));
    }

    @Test
    void anAsbRowIsIdentifiedByADigestOfItsLineAndItsOccurrenceInTheFile() throws Exception {
        String line = line(asb());
        String prefix = "police-uk:" + sha256Prefix(line) + ":";

        PoliceUkRowMapper firstImport = new PoliceUkRowMapper(THIS_MONTH);
        String first = mapped(firstImport, asb()).externalRef();
        String identicalRow = mapped(firstImport, asb()).externalRef();
        PoliceUkRowMapper secondImport = new PoliceUkRowMapper(THIS_MONTH);

        assertThat(first, startsWith(prefix));
        assertThat(identicalRow, startsWith(prefix));
        // Two identical ASB rows are two incidents ...
        assertThat(identicalRow, not(equalTo(first)));
        // ... and importing the file again finds both again, in order.
        assertThat(mapped(secondImport, asb()).externalRef(), equalTo(first));
        assertThat(mapped(secondImport, asb()).externalRef(), equalTo(identicalRow));
        // Any change to the line is another identity (the limit README.md states).
        assertThat(mapped(new PoliceUkRowMapper(THIS_MONTH), with(asb(), PoliceUkCsv.LOCATION, "On or near Head Street"))
                .externalRef(), not(equalTo(first)));
    }

    @Test
    void aCrimeIdTooLongForAReferenceIsKeptAsItsDigest() throws Exception {
        String hundred = "C".repeat(100);
        String longer = "C".repeat(101);

        assertThat(mapped(new PoliceUkRowMapper(THIS_MONTH), with(burglary(), PoliceUkCsv.CRIME_ID, hundred)).externalRef(),
                equalTo(hundred));
        assertThat(mapped(new PoliceUkRowMapper(THIS_MONTH), with(burglary(), PoliceUkCsv.CRIME_ID, longer)).externalRef(),
                equalTo("police-uk:" + sha256Prefix(longer)));
    }

    /** The first 128 bits of the SHA-256, in hex, as README.md specifies. */
    private static String sha256Prefix(String text) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash, 0, 16);
    }

    private static List<String> in(List<String> row, String month, String lsoaName) {
        row.set(PoliceUkCsv.MONTH, month);
        row.set(PoliceUkCsv.LSOA_NAME, lsoaName);
        return row;
    }

    private static List<String> with(List<String> row, int field, String value) {
        row.set(field, value);
        return row;
    }

    private static String line(List<String> fields) {
        return fields.stream().map(f -> f.contains(",") || f.contains("\"") ? "\"" + f.replace("\"", "\"\"") + "\"" : f)
                .collect(Collectors.joining(","));
    }

    private static PoliceUkRowMapper.Fate map(PoliceUkRowMapper mapper, List<String> fields) {
        return map(mapper, line(fields));
    }

    private static PoliceUkRowMapper.Fate map(PoliceUkRowMapper mapper, String line) {
        return mapper.map(line, PoliceUkCsv.split(line));
    }

    private static IncidentInput mapped(PoliceUkRowMapper mapper, List<String> fields) {
        PoliceUkRowMapper.Fate fate = map(mapper, fields);
        assertThat(fate, instanceOf(PoliceUkRowMapper.Mapped.class));
        return ((PoliceUkRowMapper.Mapped) fate).incident();
    }

    private static String rejection(List<String> fields) {
        PoliceUkRowMapper.Fate fate = map(new PoliceUkRowMapper(THIS_MONTH), fields);
        assertThat(fate, instanceOf(PoliceUkRowMapper.Rejected.class));
        return ((PoliceUkRowMapper.Rejected) fate).reason();
    }
}
