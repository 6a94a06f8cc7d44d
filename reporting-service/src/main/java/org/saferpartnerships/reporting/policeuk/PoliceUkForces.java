package org.saferpartnerships.reporting.policeuk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The forces data.police.uk serves, by its ids ({@code resources/policeuk/forces.csv}, with its
 * source). An agency of ours is a force when its id is the force's name as a slug ("essex-police"
 * for Essex Police) or police.uk's id, alone or with "-police".
 */
public final class PoliceUkForces {

    /** A force as police.uk names it. */
    public record Force(String id, String name) {
    }

    private static final Map<String, Force> BY_ID = load();
    private static final Map<String, Force> BY_AGENCY = byAgency();

    private PoliceUkForces() {
    }

    public static List<Force> all() {
        return List.copyOf(BY_ID.values());
    }

    public static Optional<Force> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    public static Optional<Force> ofAgency(String agencyId) {
        return Optional.ofNullable(agencyId == null ? null : BY_AGENCY.get(agencyId));
    }

    private static Map<String, Force> load() {
        Map<String, Force> forces = new LinkedHashMap<>();
        try (InputStream in = PoliceUkForces.class.getResourceAsStream("/policeuk/forces.csv")) {
            if (in == null) {
                throw new IllegalStateException("policeuk/forces.csv is missing from the service");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int comma = line.indexOf(',');
                forces.put(line.substring(0, comma), new Force(line.substring(0, comma), line.substring(comma + 1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return forces;
    }

    private static Map<String, Force> byAgency() {
        Map<String, Force> agencies = new LinkedHashMap<>();
        for (Force force : BY_ID.values()) {
            agencies.put(force.id(), force);
            agencies.put(force.id() + "-police", force);
            agencies.put(slug(force.name()), force);
        }
        return agencies;
    }

    private static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replace("&", "and").replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
    }
}
