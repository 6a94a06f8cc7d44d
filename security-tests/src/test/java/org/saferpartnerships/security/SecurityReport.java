package org.saferpartnerships.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What was tried and what came back, for a data protection officer to read: every operation ×
 * attack with the answer expected and the answer given, grouped by the OWASP API Security Top 10
 * (2023) category.
 */
final class SecurityReport {

    record Trial(String category, String target, String attack, String expected, String actual, boolean held) {
    }

    private final List<Trial> trials = new ArrayList<>();
    private final Map<String, String> notes = new LinkedHashMap<>();

    /** Records a trial; returns whether it held. */
    synchronized boolean record(String category, String target, String attack, String expected, String actual,
            boolean held) {
        trials.add(new Trial(category, target, attack, expected, actual, held));
        return held;
    }

    synchronized void note(String category, String text) {
        notes.merge(category, text, (a, b) -> a + "\n\n" + b);
    }

    synchronized List<Trial> failures(String category) {
        return trials.stream().filter(t -> t.category().equals(category) && !t.held()).toList();
    }

    synchronized void write(Path file) {
        StringBuilder out = new StringBuilder();
        out.append("# Security report\n\n");
        out.append("Generated ").append(Instant.now()).append(" by security-tests (SecuritySuiteIT) against a stack of ")
                .append("the packaged services with real Keycloak, Kafka and PostgreSQL. Operations come from each ")
                .append("service's live `/q/openapi`.\n\n");
        Map<String, List<Trial>> byCategory = new LinkedHashMap<>();
        trials.forEach(t -> byCategory.computeIfAbsent(t.category(), c -> new ArrayList<>()).add(t));
        out.append("| Category | Trials | Held | Failed |\n|---|---:|---:|---:|\n");
        byCategory.forEach((category, list) -> out.append("| ").append(category).append(" | ").append(list.size())
                .append(" | ").append(list.stream().filter(Trial::held).count()).append(" | ")
                .append(list.stream().filter(t -> !t.held()).count()).append(" |\n"));
        byCategory.forEach((category, list) -> {
            out.append("\n## ").append(category).append("\n\n");
            if (notes.containsKey(category)) {
                out.append(notes.get(category)).append("\n\n");
            }
            out.append("| Operation | Attack | Expected | Answer | Result |\n|---|---|---|---|---|\n");
            for (Trial t : list) {
                out.append("| ").append(cell(t.target())).append(" | ").append(cell(t.attack())).append(" | ")
                        .append(cell(t.expected())).append(" | ").append(cell(t.actual())).append(" | ")
                        .append(t.held() ? "held" : "**FAILED**").append(" |\n");
            }
        });
        notes.forEach((category, text) -> {
            if (!byCategory.containsKey(category)) {
                out.append("\n## ").append(category).append("\n\n").append(text).append("\n");
            }
        });
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cell(String text) {
        String oneLine = text == null ? "" : text.replace("\n", " ").replace("|", "\\|");
        return oneLine.length() > 160 ? oneLine.substring(0, 157) + "..." : oneLine;
    }
}
