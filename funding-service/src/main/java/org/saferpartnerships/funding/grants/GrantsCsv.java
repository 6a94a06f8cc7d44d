package org.saferpartnerships.funding.grants;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Grants as the 360Giving standard's spreadsheets lay them out: one row per grant, headed by the
 * grant schema's field titles, a nested field as "Parent title:Field title" (the titles of
 * 360-giving-schema.json 1.4.x; GrantsExportTest derives them from the schema file). UTF-8 with no
 * byte order mark, which 360Giving's tools would take for part of the first title; CRLF line ends,
 * fields quoted where they need it (RFC 4180). Text a spreadsheet would take for a formula is
 * neutralised as OWASP's CSV Injection guidance recommends; amounts stay numbers.
 */
final class GrantsCsv {

    static final String MEDIA_TYPE = "text/csv";

    private static final Map<String, Function<Grant, Object>> COLUMNS = columns();

    /** What a spreadsheet reads as the start of a formula at the head of a cell (OWASP, CSV Injection). */
    private static final String FORMULA_STARTS = "=+-@\t\r\n";

    private GrantsCsv() {
    }

    private static Map<String, Function<Grant, Object>> columns() {
        Map<String, Function<Grant, Object>> columns = new LinkedHashMap<>();
        columns.put("Identifier", Grant::id);
        columns.put("Title", Grant::title);
        columns.put("Description", Grant::description);
        columns.put("Currency", Grant::currency);
        columns.put("Amount Awarded", Grant::amountAwarded);
        columns.put("Award Date", Grant::awardDate);
        columns.put("Planned Dates:Start Date", grant -> only(grant.plannedDates()).startDate());
        columns.put("Planned Dates:End Date", grant -> only(grant.plannedDates()).endDate());
        columns.put("Recipient Org:Identifier", grant -> only(grant.recipientOrganization()).id());
        columns.put("Recipient Org:Name", grant -> only(grant.recipientOrganization()).name());
        columns.put("Funding Org:Identifier", grant -> only(grant.fundingOrganization()).id());
        columns.put("Funding Org:Name", grant -> only(grant.fundingOrganization()).name());
        columns.put("Grant Programme:Title", grant -> only(grant.grantProgramme()).title());
        return columns;
    }

    static String of(GrantPackage grants) {
        StringBuilder csv = new StringBuilder(row(List.copyOf(COLUMNS.keySet())));
        for (Grant grant : grants.grants()) {
            csv.append(row(COLUMNS.values().stream().map(cell -> cell.apply(grant)).toList()));
        }
        return csv.toString();
    }

    /** A grant's lists hold one entry each (see {@link Grant}), so each has one set of columns. */
    private static <T> T only(List<T> entries) {
        return entries.get(0);
    }

    private static String row(List<?> cells) {
        return cells.stream().map(GrantsCsv::field).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal amount ? amount.toPlainString() : neutralised(value.toString());
        return text.matches("(?s).*[\",\\r\\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    /**
     * Text starting like a formula gets a leading single quote, so a spreadsheet shows it as text
     * and never runs it. Amounts are not text and are written as numbers, a negative one too: a
     * spreadsheet reads "-12.50" as the number, and a quote would make it text nobody can add up.
     */
    private static String neutralised(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
