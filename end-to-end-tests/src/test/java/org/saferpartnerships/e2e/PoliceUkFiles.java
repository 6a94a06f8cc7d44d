package org.saferpartnerships.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.saferpartnerships.platform.events.incident.IncidentCategory;
import org.saferpartnerships.platform.geography.LocalAuthorityDistricts;

/** The Essex police.uk files of the demo data, and what a row counts as, read independently of the importer. */
final class PoliceUkFiles {

    private static final Map<String, String> DISTRICTS = new HashMap<>();

    static {
        LocalAuthorityDistricts.current().forEach(d -> DISTRICTS.put(d.name().toLowerCase(Locale.ROOT), d.code()));
    }

    private PoliceUkFiles() {
    }

    static List<Path> all() {
        Path folder = Path.of(System.getProperty("csp.repo", "..")).resolve("deploy/local/demo-data/police-uk/essex");
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {month, category slug, district code} of a row; the district is empty without an LSOA name. */
    static String[] cell(String line) {
        String[] fields = line.split(",", -1);
        String lsoaName = fields[8];
        int space = lsoaName.lastIndexOf(' ');
        String district = space < 0 ? "" : DISTRICTS.getOrDefault(lsoaName.substring(0, space).toLowerCase(Locale.ROOT), "");
        String category = Arrays.stream(IncidentCategory.values()).filter(c -> c.displayName().equals(fields[9]))
                .map(IncidentCategory::slug).findFirst().orElse("");
        return new String[] { fields[1], category, district };
    }
}
