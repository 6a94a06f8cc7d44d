package org.saferpartnerships.reporting.feeds;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Feed rows as CSV that opens cleanly in Excel: a UTF-8 byte order mark, a header row with the
 * JSON field names, CRLF line ends, and fields quoted where they need it.
 */
final class CsvFeed {

    static final String MEDIA_TYPE = "text/csv";

    private CsvFeed() {
    }

    static String of(List<FeedRow> rows, List<CountDimension> dimensions, boolean compared, Measure measure) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        Map<String, Object> header = FeedRow.counted(null, null, null, null, null, null, 0L)
                .cells(dimensions, compared, measure);
        csv.append(String.join(",", header.keySet())).append("\r\n");
        for (FeedRow row : rows) {
            csv.append(row.cells(dimensions, compared, measure).values().stream().map(CsvFeed::field)
                    .collect(Collectors.joining(","))).append("\r\n");
        }
        return csv.toString();
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        return text.matches(".*[\",\\r\\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
