package org.saferpartnerships.incident.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * The data.police.uk street-level crime format: the official header, and lines split as RFC 4180
 * says (quoted fields may hold commas and doubled quotes). A line of the wrong shape is reported,
 * never guessed at.
 */
final class PoliceUkCsv {

    static final List<String> HEADER = List.of("Crime ID", "Month", "Reported by", "Falls within", "Longitude",
            "Latitude", "Location", "LSOA code", "LSOA name", "Crime type", "Last outcome category", "Context");

    static final int CRIME_ID = 0;
    static final int MONTH = 1;
    static final int LONGITUDE = 4;
    static final int LATITUDE = 5;
    static final int LOCATION = 6;
    static final int LSOA_CODE = 7;
    static final int LSOA_NAME = 8;
    static final int CRIME_TYPE = 9;
    static final int OUTCOME = 10;

    private PoliceUkCsv() {
    }

    /** @return the fields, or null when the line is not well-formed CSV */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>(HEADER.size());
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == '"' || wasQuoted) {
                return null;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        fields.add(field.toString());
        return fields;
    }
}
