package org.saferpartnerships.incident.imports;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.saferpartnerships.incident.register.IncidentInput;
import org.saferpartnerships.platform.api.CalendarMonth;
import org.saferpartnerships.platform.events.incident.IncidentCategory;
import org.saferpartnerships.platform.events.incident.Outcome;
import org.saferpartnerships.platform.geography.District;
import org.saferpartnerships.platform.geography.LocalAuthorityDistricts;
import org.saferpartnerships.platform.vocabulary.Term;

/**
 * Turns one data.police.uk row into an incident as an agency would post it, or says why not. The
 * district is the one the LSOA name names, as it stood in the row's month: LSOA names keep the
 * district of 2011 ("St Edmundsbury 014C") long after a reorganisation, so a row of 2018 is St
 * Edmundsbury's and one of 2020 West Suffolk's; either is counted in West Suffolk today.
 * Rows without a Crime ID (anti-social behaviour) get a reference made from the row itself and
 * its occurrence in the file, so importing a file again finds the same references, and
 * identical rows stay separate incidents.
 */
final class PoliceUkRowMapper {

    /** What became of a row. */
    sealed interface Fate permits Mapped, WithoutLocation, OutsideDistricts, Rejected {
    }

    record Mapped(IncidentInput incident) implements Fate {
    }

    record WithoutLocation() implements Fate {
    }

    /** In an area whose name is no district's in the ONS lists of 2011 to 2023. */
    record OutsideDistricts(String area) implements Fate {
    }

    record Rejected(String reason) implements Fate {
    }

    private final Map<String, Integer> occurrences = new HashMap<>();
    private final YearMonth latest;

    /** @param latest the latest month a row may be of: this month of the business calendar */
    PoliceUkRowMapper(YearMonth latest) {
        this.latest = latest;
    }

    Fate map(String line, List<String> fields) {
        if (line.indexOf('\u0000') >= 0) {
            return new Rejected("NUL characters in the line");
        }
        if (fields == null || fields.size() != PoliceUkCsv.HEADER.size()) {
            return new Rejected("malformed line: not " + PoliceUkCsv.HEADER.size() + " comma-separated fields");
        }
        String month = fields.get(PoliceUkCsv.MONTH);
        if (!month.matches(CalendarMonth.PATTERN)) {
            return new Rejected("Month is not YYYY-MM");
        }
        if (YearMonth.parse(month).isAfter(latest)) {
            return new Rejected("Month is in the future");
        }
        Optional<IncidentCategory> category = Term.ofDisplayName(IncidentCategory.class,
                fields.get(PoliceUkCsv.CRIME_TYPE));
        if (category.isEmpty()) {
            return new Rejected("unknown Crime type");
        }
        String lsoaName = fields.get(PoliceUkCsv.LSOA_NAME).trim();
        if (lsoaName.isEmpty()) {
            return new WithoutLocation();
        }
        int lastSpace = lsoaName.lastIndexOf(' ');
        String area = lastSpace < 0 ? lsoaName : lsoaName.substring(0, lastSpace);
        Optional<District> district = lastSpace < 0 ? Optional.empty()
                : LocalAuthorityDistricts.districtNamedOn(area, YearMonth.parse(month).atDay(1))
                        // A later LSOA vintage may name a district formed after the month out of several;
                        // which of them the place was in is not known, so it stands as named.
                        .or(() -> LocalAuthorityDistricts.districtNamedOn(area, latest.atDay(1)));
        if (district.isEmpty()) {
            return new OutsideDistricts(area);
        }
        String lsoaCode = fields.get(PoliceUkCsv.LSOA_CODE).trim();
        if (!lsoaCode.isEmpty() && !lsoaCode.matches("[EW]01\\d{6}")) {
            return new Rejected("LSOA code is not an ONS LSOA code");
        }
        BigDecimal latitude;
        BigDecimal longitude;
        try {
            latitude = decimal(fields.get(PoliceUkCsv.LATITUDE));
            longitude = decimal(fields.get(PoliceUkCsv.LONGITUDE));
        } catch (NumberFormatException e) {
            return new Rejected("Longitude or Latitude is not a number");
        }
        if ((latitude == null) != (longitude == null) || (latitude != null && !insideUk(latitude, longitude))) {
            return new Rejected("coordinates are not a point inside the UK");
        }
        String outcomeName = fields.get(PoliceUkCsv.OUTCOME).trim();
        Optional<Outcome> outcome = Term.ofDisplayName(Outcome.class, outcomeName);
        if (!outcomeName.isEmpty() && outcome.isEmpty()) {
            return new Rejected("unknown Last outcome category");
        }
        String location = fields.get(PoliceUkCsv.LOCATION).trim();
        return new Mapped(new IncidentInput(reference(line, fields.get(PoliceUkCsv.CRIME_ID).trim()), null,
                category.get().slug(), null, null, null, null, null, month, null, district.get().code(),
                lsoaCode.isEmpty() ? null : lsoaCode, latitude, longitude,
                location.isEmpty() ? null : location.substring(0, Math.min(200, location.length())),
                outcome.orElse(null), null));
    }

    private String reference(String line, String crimeId) {
        if (!crimeId.isEmpty()) {
            return crimeId.length() <= 100 ? crimeId : "police-uk:" + digest(crimeId);
        }
        String digest = digest(line);
        int occurrence = occurrences.merge(digest, 1, Integer::sum);
        return "police-uk:" + digest + ":" + occurrence;
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigDecimal decimal(String value) {
        return value.isBlank() ? null : new BigDecimal(value.trim());
    }

    private static boolean insideUk(BigDecimal latitude, BigDecimal longitude) {
        return latitude.compareTo(new BigDecimal("49.8")) >= 0 && latitude.compareTo(new BigDecimal("60.9")) <= 0
                && longitude.compareTo(new BigDecimal("-8.7")) >= 0 && longitude.compareTo(new BigDecimal("1.8")) <= 0;
    }
}
