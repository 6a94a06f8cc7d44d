package org.saferpartnerships.platform.geography;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds the district table from the ONS files under {@code reference/ons/} (their sources and
 * licences are in {@code SOURCE.md} there): sets of districts as they stood on a date, the table
 * of changes 2011–2023, and the renames under an unchanged code. The table is checked against every
 * set it was built from, and for what placement relies on (each abolished district carried on by one
 * successor, no two districts of one name at one time), so that data contradicting itself fails the
 * tests and every use of the table rather than placing incidents wrongly.
 */
final class OnsDistrictFiles {

    private static final String FOLDER = "reference/ons/";
    private static final String CHANGES = "district-changes-2011-2023.csv";
    private static final String RENAMES = "district-renames-2011-2023.csv";

    /** A set of districts as ONS published it, standing on {@code on}, of one country (the codes' first letter). */
    private record DistrictSet(String file, LocalDate on, char country) {
    }

    /** Oldest first: the name a later set gives a code is the one kept. */
    private static final List<DistrictSet> SETS = List.of(
            // Named 2022 and headed LAD22CD, it is the set of April 2020: the seven Northamptonshire
            // districts of before April 2021, not their two successors.
            new DistrictSet("local-authority-districts-england-2022.csv", LocalDate.of(2020, 4, 1), 'E'),
            new DistrictSet("local-authority-districts-wales-2022.csv", LocalDate.of(2022, 4, 1), 'W'),
            new DistrictSet("local-authority-districts-england-2023.csv", LocalDate.of(2023, 4, 1), 'E'));

    private OnsDistrictFiles() {
    }

    static List<District> read() {
        Map<String, String> names = new HashMap<>();
        Map<DistrictSet, Set<String>> published = new HashMap<>();
        for (DistrictSet set : SETS) {
            Set<String> codes = new HashSet<>();
            for (List<String> row : rows(set.file(), 2)) {
                codes.add(row.get(0));
                names.put(row.get(0), row.get(1));
            }
            published.put(set, codes);
        }
        List<List<String>> changeRows = rows(CHANGES, 6); // effective,old_code,old_name,new_code,new_name,kind
        for (List<String> row : changeRows) {
            names.putIfAbsent(row.get(1), row.get(2));
            names.putIfAbsent(row.get(3), row.get(4));
        }
        List<DistrictChange> changes = changeRows.stream().map(row -> {
            DistrictChange.Kind kind = DistrictChange.Kind.valueOf(row.get(5).toUpperCase(Locale.ROOT));
            boolean carriesOn = kind != DistrictChange.Kind.SPLIT || names.get(row.get(3)).equals(names.get(row.get(1)));
            return new DistrictChange(LocalDate.parse(row.get(0)), row.get(1), row.get(3), kind, carriesOn);
        }).toList();
        Map<String, List<String>> formerNames = new HashMap<>();
        for (List<String> row : rows(RENAMES, 4)) { // effective,code,old_name,new_name
            if (!row.get(3).equals(names.get(row.get(1)))) {
                throw new IllegalStateException(RENAMES + ": " + row.get(1) + " is not named " + row.get(3));
            }
            formerNames.computeIfAbsent(row.get(1), code -> new ArrayList<>()).add(row.get(2));
        }

        List<District> districts = names.keySet().stream().sorted().map(code -> {
            List<DistrictChange> predecessors = changes.stream().filter(c -> c.successorCode().equals(code)).toList();
            List<DistrictChange> successors = changes.stream().filter(c -> c.formerCode().equals(code)).toList();
            return new District(code, names.get(code), List.copyOf(formerNames.getOrDefault(code, List.of())),
                    onlyDate(code, predecessors), onlyDate(code, successors), predecessors, successors);
        }).toList();
        check(districts, published);
        return districts;
    }

    /** The one date of a district's changes in one direction: it began (or ended) once. */
    private static LocalDate onlyDate(String code, List<DistrictChange> changes) {
        Set<LocalDate> dates = changes.stream().map(DistrictChange::effective).collect(Collectors.toSet());
        if (dates.size() > 1) {
            throw new IllegalStateException(CHANGES + ": " + code + " changes on several dates " + dates);
        }
        return dates.stream().findFirst().orElse(null);
    }

    private static void check(List<District> districts, Map<DistrictSet, Set<String>> published) {
        for (DistrictSet set : SETS) {
            Set<String> standing = districts.stream()
                    .filter(d -> d.code().charAt(0) == set.country() && d.validOn(set.on()))
                    .map(District::code).collect(Collectors.toCollection(TreeSet::new));
            if (!standing.equals(published.get(set))) {
                Set<String> missing = new TreeSet<>(published.get(set));
                missing.removeAll(standing);
                standing.removeAll(published.get(set));
                throw new IllegalStateException(set.file() + " lists the districts standing on " + set.on()
                        + ", but the table of changes has " + missing + " not standing and " + standing + " standing too");
            }
        }
        for (District district : districts) {
            long carriers = district.successors().stream().filter(DistrictChange::carriesOn).count();
            if (district.current() != (carriers == 0) || carriers > 1) {
                // A district whose area went to several successors, none of them carrying it on, cannot
                // be placed by its name or code alone: that would need data below district level.
                throw new IllegalStateException(district.code() + " " + district.name() + " is carried on by "
                        + carriers + " successors, not one");
            }
        }
        // Two districts of one name stand together, if ever, from the later of their first days.
        Stream.concat(Stream.of(LocalDate.MIN), districts.stream().map(District::validFrom).filter(Objects::nonNull))
                .distinct().forEach(day -> {
                    Map<String, List<String>> byName = districts.stream().filter(d -> d.validOn(day))
                            .flatMap(d -> Stream.concat(Stream.of(d.name()), d.formerNames().stream())
                                    .map(name -> Map.entry(LocalAuthorityDistricts.comparable(name), d.code())))
                            .collect(Collectors.groupingBy(Map.Entry::getKey,
                                    Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
                    byName.values().stream().filter(codes -> codes.size() > 1).findFirst().ifPresent(codes -> {
                        throw new IllegalStateException("Districts " + codes + " have one name on " + day);
                    });
                });
    }

    /** The rows of a CSV file after its header, each of {@code width} fields; names may be quoted. */
    static List<List<String>> rows(String file, int width) {
        try (InputStream in = OnsDistrictFiles.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException(FOLDER + file + " is missing from the platform jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            List<List<String>> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> fields = fields(line);
                if (fields.size() != width) {
                    throw new IllegalStateException(file + ": not " + width + " fields: " + line);
                }
                rows.add(fields.stream().map(String::trim).toList());
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
