package org.saferpartnerships.funding.grants;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

/** The spreadsheet never runs what a funder or partnership typed: CSV formula injection. */
class GrantsCsvTest {

    @Test
    void textStartingLikeAFormulaIsKeptTextAndAmountsStayNumbers() throws IOException {
        Grant grant = new Grant("360G-x-G-1", "=HYPERLINK(\"http://attacker.example\",\"Click\")", "+SUM(A1:A9)",
                "GBP", new BigDecimal("-12.50"), LocalDate.of(2021, 4, 1),
                List.of(new Grant.Period(LocalDate.of(2021, 4, 1), LocalDate.of(2022, 3, 31))),
                List.of(new Grant.Organisation("360G-x-CSP-a", "@cmd|' /C calc'!A0")),
                List.of(new Grant.Organisation("GB-GOVUK-x", "\tTabbed, Funder")),
                List.of(new Grant.Programme("-2+3")));

        List<List<String>> rows = new CsvMapper().readerForListOf(String.class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .<List<String>>readValues(GrantsCsv.of(new GrantPackage(List.of(grant)))).readAll();

        assertThat(rows.get(1), contains("360G-x-G-1", "'=HYPERLINK(\"http://attacker.example\",\"Click\")",
                "'+SUM(A1:A9)", "GBP", "-12.50", "2021-04-01", "2021-04-01", "2022-03-31", "360G-x-CSP-a",
                "'@cmd|' /C calc'!A0", "GB-GOVUK-x", "'\tTabbed, Funder", "'-2+3"));
    }

    @Test
    void aCarriageReturnOrLineFeedAtTheStartIsNeutralisedToo() throws IOException {
        Grant grant = new Grant("360G-x-G-2", "\r=1+1", "\n=1+1", "GBP", new BigDecimal("100.00"),
                LocalDate.of(2021, 4, 1), List.of(new Grant.Period(LocalDate.of(2021, 4, 1), LocalDate.of(2022, 3, 31))),
                List.of(new Grant.Organisation("360G-x-CSP-a", "A partnership")),
                List.of(new Grant.Organisation("GB-GOVUK-x", "A funder")), List.of(new Grant.Programme("Core grant")));

        List<List<String>> rows = new CsvMapper().readerForListOf(String.class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .<List<String>>readValues(GrantsCsv.of(new GrantPackage(List.of(grant)))).readAll();

        assertThat(rows.get(1).subList(1, 5), contains("'\r=1+1", "'\n=1+1", "GBP", "100.00"));
    }
}
