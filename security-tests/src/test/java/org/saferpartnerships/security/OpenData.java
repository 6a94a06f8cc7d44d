package org.saferpartnerships.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The open operations ({@code security: []}, the police.uk-compatible API under
 * {@code /police-uk/api/}) and the rows the suite puts behind them. Open data is what a
 * data.police.uk publication holds: the suite imports one month of Maldon's rows as such a
 * publication ({@link #OPEN_MONTH}), and the month before as Essex Police's own copy (agency-posted,
 * never open), so that anything of the agency's month in an open answer is a leak.
 */
final class OpenData {

    /** Where open operations may live: nowhere else is an operation allowed to take no token. */
    static final String PREFIX = "/police-uk/api/";
    /** The month imported as a data.police.uk publication. */
    static final String OPEN_MONTH = "2018-02";
    /** The month of partnership A's rows imported as the agency's own copy. */
    static final String AGENCY_MONTH = "2018-01";
    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    /** A row of a police.uk street-level file. */
    record Row(String crimeId, String month, String longitude, String latitude, String category) {

        boolean located() {
            return !longitude.isBlank() && !latitude.isBlank();
        }
    }

    private final List<Row> openRows;
    private final List<Row> agencyRows;

    OpenData(List<Row> openRows, List<Row> agencyRows) {
        this.openRows = openRows;
        this.agencyRows = agencyRows;
    }

    /** The header and the first {@code limit} rows of Maldon in a demo file of Essex Police. */
    static List<String> maldonLines(Path repo, String month, int limit) {
        try {
            Path file = repo.resolve("deploy/local/demo-data/police-uk/essex/" + month + "-essex-street.csv");
            List<String> lines = Files.readAllLines(file);
            List<String> chosen = new ArrayList<>(List.of(lines.get(0)));
            lines.stream().skip(1).filter(l -> l.contains(",Maldon ")).limit(limit).forEach(chosen::add);
            return chosen;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Row> rows(List<String> lines) {
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            rows.add(new Row(f[0], f[1], f[4], f[5], f[9]));
        }
        return rows;
    }

    List<Row> openRows() {
        return openRows;
    }

    List<Row> agencyRows() {
        return agencyRows;
    }

    /** A located open row, where the suite's well-formed open questions are asked. */
    Row anchor() {
        return openRows.stream().filter(Row::located).findFirst().orElseThrow();
    }

    /** An open row's persistent id (police.uk's Crime ID), for outcomes-for-crime. */
    String openCrimeId() {
        return openRows.stream().map(Row::crimeId).filter(id -> !id.isBlank()).findFirst().orElseThrow();
    }

    Set<String> openCrimeIds() {
        Set<String> ids = new LinkedHashSet<>();
        openRows.stream().map(Row::crimeId).filter(id -> !id.isBlank()).forEach(ids::add);
        return ids;
    }

    Set<String> agencyCrimeIds() {
        Set<String> ids = new LinkedHashSet<>();
        agencyRows.stream().map(Row::crimeId).filter(id -> !id.isBlank()).forEach(ids::add);
        return ids;
    }

    /** A polygon round every located open row: the whole of the open month's rows. */
    String polygonRoundOpenRows() {
        double south = 90, north = -90, west = 180, east = -180;
        for (Row row : openRows.stream().filter(Row::located).toList()) {
            double lat = Double.parseDouble(row.latitude());
            double lng = Double.parseDouble(row.longitude());
            south = Math.min(south, lat);
            north = Math.max(north, lat);
            west = Math.min(west, lng);
            east = Math.max(east, lng);
        }
        double m = 0.01;
        return (south - m) + "," + (west - m) + ":" + (north + m) + "," + (west - m) + ":" + (north + m) + ","
                + (east + m) + ":" + (south - m) + "," + (east + m);
    }

    /** Well-formed values by parameter name, for a question the open data can answer. */
    Map<String, String> wellFormed(ApiOperation operation) {
        Map<String, String> values = new LinkedHashMap<>();
        Row anchor = anchor();
        values.put("lat", anchor.latitude());
        values.put("lng", anchor.longitude());
        values.put("date", OPEN_MONTH);
        values.put("force", "essex");
        if (operation.path().endsWith("crimes-no-location")) {
            values.put("category", "all-crime");
        }
        return values;
    }

    /** The path of an open operation with its parameters bound to open data. */
    String path(ApiOperation operation) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : operation.pathParameters()) {
            values.put(name, switch (name) {
                case "category" -> "all-crime";
                case "persistent_id" -> openCrimeId();
                case "id" -> "essex";
                default -> "suite";
            });
        }
        return operation.bind(values);
    }

    /** The query of an open operation: its documented query parameters that have a well-formed value. */
    String query(ApiOperation operation, Map<String, String> overrides) {
        return encoded(operation.parameters("query").stream().map(p -> p.path("name").asText()).toList(),
                operation, overrides, "?");
    }

    /** The form body of an open operation that takes one (the POST query); null when it takes none. */
    String form(ApiOperation operation, Map<String, String> overrides) {
        if (!isForm(operation)) {
            return null;
        }
        return encoded(formFields(operation), operation, overrides, "");
    }

    static boolean isForm(ApiOperation operation) {
        return operation.bodyType() != null && operation.bodyType().startsWith("application/x-www-form-urlencoded");
    }

    static List<String> formFields(ApiOperation operation) {
        List<String> names = new ArrayList<>();
        operation.bodySchema().path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private String encoded(List<String> names, ApiOperation operation, Map<String, String> overrides, String lead) {
        Map<String, String> wellFormed = wellFormed(operation);
        List<String> pairs = new ArrayList<>();
        for (String name : names) {
            if (overrides != null && overrides.containsKey(name)) {
                pairs.add(name + "=" + Inputs.encode(overrides.get(name)));
            } else if (wellFormed.containsKey(name)) {
                pairs.add(name + "=" + Inputs.encode(wellFormed.get(name)));
            }
        }
        return pairs.isEmpty() ? "" : lead + String.join("&", pairs);
    }

    /**
     * Whether a value is well-formed for an open parameter, so that an answer other than 4xx may be
     * right: lat and lng are decimal degrees in range, date a month, location_id an integer, poly a
     * polygon of at most 10,000 points; a category, force or id may be any text (one not held is 404
     * or empty). An empty value is as good as none.
     */
    static boolean wellFormed(String name, String value) {
        if (value.isEmpty()) {
            return true;
        }
        return switch (name) {
            case "lat" -> degrees(value, 90);
            case "lng" -> degrees(value, 180);
            case "date" -> MONTH.matcher(value).matches();
            case "location_id" -> isLong(value);
            case "poly" -> polygon(value);
            default -> true;
        };
    }

    private static boolean degrees(String value, double bound) {
        try {
            double d = Double.parseDouble(value.trim());
            return d >= -bound && d <= bound;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isLong(String value) {
        try {
            Long.parseLong(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean polygon(String value) {
        String[] pairs = value.split(":", -1);
        if (pairs.length < 3 || pairs.length > 10_000) {
            return false;
        }
        for (String pair : pairs) {
            String[] parts = pair.split(",", -1);
            if (parts.length != 2 || !degrees(parts[0], 90) || !degrees(parts[1], 180)) {
                return false;
            }
        }
        return true;
    }

    /** Malformed open-data questions beyond the generic values, each named for the report. */
    static Map<String, Map<String, String>> malformedQuestions(Row anchor) {
        Map<String, Map<String, String>> questions = new LinkedHashMap<>();
        String lat = anchor.latitude();
        String lng = anchor.longitude();
        questions.put("lat 91", Map.of("lat", "91", "lng", lng));
        questions.put("lng 181", Map.of("lat", lat, "lng", "181"));
        questions.put("lat Infinity", Map.of("lat", "Infinity", "lng", lng));
        questions.put("lat 1e400 (past a double)", Map.of("lat", "1e400", "lng", lng));
        questions.put("lat without lng", Map.of("lat", lat));
        questions.put("poly of two points", Map.of("poly", "51.7,0.8:51.8,0.9"));
        questions.put("poly with a dangling number", Map.of("poly", "51.7,0.8:51.8,0.9:51.8"));
        questions.put("poly of words", Map.of("poly", "a,b:c,d:e,f"));
        questions.put("poly out of range", Map.of("poly", "91,0:92,0:93,1"));
        questions.put("poly of empty pairs", Map.of("poly", ":::"));
        questions.put("date 2018-13", Map.of("lat", lat, "lng", lng, "date", "2018-13"));
        questions.put("date 2018-2", Map.of("lat", lat, "lng", lng, "date", "2018-2"));
        questions.put("date yesterday", Map.of("lat", lat, "lng", lng, "date", "yesterday"));
        questions.put("date of a month not held (1999-01)", Map.of("lat", lat, "lng", lng, "date", "1999-01"));
        return questions;
    }

    /** A polygon of more points than the API takes. */
    static String hugePolygon(int points) {
        StringBuilder poly = new StringBuilder();
        for (int i = 0; i < points; i++) {
            double angle = 2 * Math.PI * i / points;
            poly.append(i == 0 ? "" : ":").append(String.format(java.util.Locale.ROOT, "%.6f,%.6f",
                    51.73 + 0.05 * Math.sin(angle), 0.67 + 0.05 * Math.cos(angle)));
        }
        return poly.toString();
    }

    /** The crimes of an open answer: an array of crimes, or outcomes-for-crime's {crime, outcomes}. */
    static List<JsonNode> crimes(JsonNode answer) {
        List<JsonNode> crimes = new ArrayList<>();
        if (answer.isArray()) {
            answer.forEach(crimes::add);
        } else if (answer.has("crime")) {
            crimes.add(answer.get("crime"));
        }
        return crimes;
    }
}
