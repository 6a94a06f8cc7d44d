package org.saferpartnerships.reporting.reports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.saferpartnerships.platform.events.report.ReportPublished.Position;

/**
 * A report of a partnership. A draft is assembled afresh whenever it is read; a published report
 * keeps the content it was published with, exactly, and never changes again.
 */
@Entity
@Table(name = "report")
public class Report extends PanacheEntityBase {

    public static final String DRAFT = "draft";
    public static final String PUBLISHED = "published";

    @Id
    public UUID id;

    @Column(name = "partnership_id", nullable = false)
    public String partnershipId;

    @Column(nullable = false)
    public String type;

    @Column(name = "financial_year", nullable = false)
    public int financialYear;

    @Column(name = "performance_period", nullable = false)
    public String performancePeriod;

    @Column(name = "as_of", nullable = false)
    public String asOf;

    @Column(nullable = false)
    public String status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "published_by")
    public String publishedBy;

    /** The published content's canonical JSON, as hashed. */
    public String content;

    @Column(name = "content_hash")
    public String contentHash;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Position> positions;

    @Version
    @Column(nullable = false)
    public long version;

    public boolean published() {
        return PUBLISHED.equals(status);
    }
}
