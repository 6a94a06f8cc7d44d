package org.saferpartnerships.e2e.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The suite's findings, a line per fault, written to {@code target/fault-report.md} and to the
 * build output: how many records were sent and acknowledged, how many of those were found, lost
 * or duplicated, and how long the platform took to be exact again after the fault ended.
 */
final class FaultReport {

    record Line(String fault, long sent, long acknowledged, long found, long lost, long duplicated, long phantoms,
            double recoverySeconds, String notes) {
    }

    private static final List<Line> LINES = new ArrayList<>();

    private FaultReport() {
    }

    static synchronized void add(Line line) {
        LINES.add(line);
    }

    static synchronized String markdown() {
        StringBuilder report = new StringBuilder("""
                # Fault report

                | Fault | Sent | Acknowledged | Found | Lost | Duplicated | Phantoms | Recovery (s) | Notes |
                |---|---:|---:|---:|---:|---:|---:|---:|---|
                """);
        for (Line line : LINES) {
            report.append("| %s | %d | %d | %d | %d | %d | %d | %.1f | %s |%n".formatted(line.fault(), line.sent(),
                    line.acknowledged(), line.found(), line.lost(), line.duplicated(), line.phantoms(),
                    line.recoverySeconds(), line.notes()));
        }
        return report.toString();
    }

    static synchronized void write(Path file) {
        String report = markdown();
        System.out.println(report);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
