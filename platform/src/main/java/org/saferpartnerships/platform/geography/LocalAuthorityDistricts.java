package org.saferpartnerships.platform.geography;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
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

    private LocalAuthorityDistricts() {
    }

    public static boolean exists(String gssCode) {
        return gssCode != null && NAMES_BY_CODE.containsKey(gssCode);
    }

    public static Optional<String> nameOf(String gssCode) {
        return Optional.ofNullable(NAMES_BY_CODE.get(gssCode));
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
