package org.saferpartnerships.incident.imports;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

class PoliceUkCsvTest {

    private static final String OFFICIAL_HEADER = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,"
            + "Location,LSOA code,LSOA name,Crime type,Last outcome category,Context";

    @Test
    void theOfficialHeaderIsRecognisedAndAReorderedOneIsNot() {
        // The resource accepts a file only when its first line splits to exactly HEADER.
        assertThat(PoliceUkCsv.split(OFFICIAL_HEADER), equalTo(PoliceUkCsv.HEADER));
        assertThat(PoliceUkCsv.split("Month,Crime ID,Reported by,Falls within,Longitude,Latitude,"
                + "Location,LSOA code,LSOA name,Crime type,Last outcome category,Context"),
                not(equalTo(PoliceUkCsv.HEADER)));
        assertThat(PoliceUkCsv.split("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,"
                + "Location,LSOA code,LSOA name,Crime type,Last outcome category"), not(equalTo(PoliceUkCsv.HEADER)));
    }

    @Test
    void aRowWithAnEmptyContextEndsInAnEmptyField() {
        // data.police.uk leaves Context empty, so its lines end with a comma; that is still twelve fields.
        String asb = ",2024-05,Essex Police,Essex Police,0.901,51.889,On or near High Street,E01021543,"
                + "Colchester 001A,Anti-social behaviour,,";

        assertThat(PoliceUkCsv.split(asb), hasSize(12));
        assertThat(PoliceUkCsv.split(asb).get(0), equalTo(""));
        assertThat(PoliceUkCsv.split(asb).get(11), equalTo(""));
        assertThat(PoliceUkCsv.split(",,"), contains("", "", ""));
    }

    @Test
    void quotedFieldsMayHoldCommasAndDoubledQuotes() {
        assertThat(PoliceUkCsv.split("a,\"On or near \"\"The Mall\"\", Bath\",c"),
                contains("a", "On or near \"The Mall\", Bath", "c"));
        assertThat(PoliceUkCsv.split("\"\",x"), contains("", "x"));
        assertThat(PoliceUkCsv.split("\"a,b\""), contains("a,b"));
    }

    @Test
    void aLineOfTheWrongShapeIsNotGuessedAt() {
        assertThat("unclosed quote", PoliceUkCsv.split("a,\"On or near High Street,c"), nullValue());
        assertThat("quote inside an unquoted field", PoliceUkCsv.split("a,On or \"near\",c"), nullValue());
        assertThat("text after the closing quote", PoliceUkCsv.split("a,\"On or near\" High Street,c"), nullValue());
    }
}
