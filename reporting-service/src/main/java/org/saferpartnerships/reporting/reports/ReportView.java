package org.saferpartnerships.reporting.reports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.saferpartnerships.platform.events.report.ReportPublished.Position;

/**
 * A report with its content: a draft's as assembled now, a published one's as frozen, with the hash
 * of its canonical JSON and the event positions it was built from.
 */
@Schema(name = "Report")
public record ReportView(UUID id, String partnershipId, String type, String status, Instant createdAt,
        Instant publishedAt, String contentHash, List<Position> positions, ScrutinyReport content) {

    static ReportView of(Report report, ScrutinyReport content) {
        return new ReportView(report.id, report.partnershipId, report.type, report.status, report.createdAt,
                report.publishedAt, report.contentHash, report.positions, content);
    }
}
