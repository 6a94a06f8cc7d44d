package org.saferpartnerships.platform.geography;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ONS GSS codes and names of England's local authority districts (2022/23 set), the areas
 * partnerships are defined by. Reference data shipped with the platform; see
 * {@code reference/ons/README.md} for source and licence.
 */
public final class LocalAuthorityDistricts {

    private static final String RESOURCE = "reference/ons/local-authority-districts-england-2022.csv";
    private static final Map<String, String> NAMES_BY_CODE = load();
    private static final Map<String, String> CODES_BY_NAME = byName(NAMES_BY_CODE);

    private LocalAuthorityDistricts() {
    }

    public static boolean exists(String gssCode) {
        return gssCode != null && NAMES_BY_CODE.containsKey(gssCode);
    }

    public static Optional<String> nameOf(String gssCode) {
        return Optional.ofNullable(NAMES_BY_CODE.get(gssCode));
    }

    /**
     * The district a name means, as other publications write it: data.police.uk's LSOA names say
     * "Bristol", "Kingston upon Hull", "King's Lynn and West Norfolk" where ONS lists "Bristol,
     * City of", "Kingston upon Hull, City of", "King’s Lynn and West Norfolk". Case, the
     * apostrophe's shape, a trailing ", City of" / ", County of" and the full stop of "St." do
     * not count.
     */
    public static Optional<String> codeNamed(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(CODES_BY_NAME.get(comparable(name)));
    }

    static String comparable(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT).replace('\u2019', '\'').replaceAll("\\s+", " ");
        key = key.replaceFirst(", (city|county) of$", "");
        return key.replaceAll("\\bst\\. ", "st ");
    }

    private static Map<String, String> byName(Map<String, String> namesByCode) {
        Map<String, String> codes = new HashMap<>();
        namesByCode.forEach((code, name) -> codes.put(comparable(name), code));
        return Collections.unmodifiableMap(codes);
    }

    /** All districts, code to name, in the order ONS lists them. */
    public static Map<String, String> all() {
        return NAMES_BY_CODE;
    }

    private static Map<String, String> load() {
        try (InputStream in = LocalAuthorityDistricts.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the platform jar");
            }
            Map<String, String> names = new LinkedHashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine(); // header LAD22CD,LAD22NM
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int comma = line.indexOf(',');
                if (comma > 0) {
                    names.put(line.substring(0, comma).trim(), unquote(line.substring(comma + 1).trim()));
                }
            }
            return Collections.unmodifiableMap(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1).replace("\"\"", "\"")
                : value;
    }
}
