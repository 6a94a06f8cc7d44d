package org.saferpartnerships.platform.events.report;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.saferpartnerships.platform.events.DomainEvent;
import org.saferpartnerships.platform.events.Topics;

/**
 * A partnership's report was published: its content is frozen, readable by viewers, and identified
 * by {@code contentHash} (SHA-256 of its canonical JSON), built from the projections as they stood
 * at {@code positions}.
 */
public record ReportPublished(UUID reportId, String partnershipId, String type, int financialYear,
        String performancePeriod, String asOf, String contentHash, Instant publishedAt, List<Position> positions)
        implements DomainEvent {

    public static final String TYPE = "report.published.v1";

    /** How far a source topic's partition had been applied: the offset of the last event applied. */
    public record Position(String topic, int partition, long offset) {
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.REPORT_EVENTS;
    }

    @Override
    public String subject() {
        return reportId.toString();
    }
}
