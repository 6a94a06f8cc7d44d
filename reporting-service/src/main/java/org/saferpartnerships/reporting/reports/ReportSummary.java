package org.saferpartnerships.reporting.reports;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A report in a partnership's list, without its content. */
@Schema(name = "ReportSummary")
public record ReportSummary(UUID id, String type, int financialYear, String performancePeriod, String asOf,
        String status, Instant createdAt, Instant publishedAt, String contentHash) {

    static ReportSummary of(Report report) {
        return new ReportSummary(report.id, report.type, report.financialYear, report.performancePeriod, report.asOf,
                report.status, report.createdAt, report.publishedAt, report.contentHash);
    }
}
