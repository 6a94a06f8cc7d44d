package org.saferpartnerships.incident.imports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One data.police.uk file an agency handed in, and how far its import has got. */
@Entity
@Table(name = "incident_import")
public class IncidentImport extends PanacheEntityBase {

    public enum Status {
        @JsonProperty("queued") QUEUED,
        @JsonProperty("running") RUNNING,
        @JsonProperty("completed") COMPLETED,
        @JsonProperty("failed") FAILED
    }

    /** Rows of one area that were counted, not stored, and why: so an agency can see what to fix. */
    public record Outside(String area, String partnershipId, long rows, String reason) {
    }

    /** How many rows were rejected for one reason, with the first few row numbers as examples. */
    public record Rejections(long count, List<Long> exampleRows) {
    }

    static final int EXAMPLES = 5;

    @Id
    public UUID id;

    @Column(name = "agency_id", nullable = false, updatable = false)
    public String agencyId;

    /**
     * {@code data.police.uk} when the importer said the file is a data.police.uk publication (open
     * data): the records it creates carry the mark. Null for the agency's own copy, never open data.
     */
    @Column(updatable = false)
    public String publication;

    /** The partnerships the importing token allowed, kept for the background run. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "allowed_partnerships", nullable = false, updatable = false)
    public List<String> allowedPartnerships = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "rows_read", nullable = false)
    public long rowsRead;

    @Column(nullable = false)
    public long created;

    /** Rows whose Crime ID was imported before with other content: their records were corrected. */
    @Column(nullable = false)
    public long updated;

    @Column(nullable = false)
    public long unchanged;

    @Column(name = "outside_partnerships", nullable = false)
    public long outsidePartnerships;

    @Column(name = "without_location", nullable = false)
    public long withoutLocation;

    @Column(nullable = false)
    public long rejected;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Rejections> rejections = new LinkedHashMap<>();

    public String failure;

    /**
     * {@link #outsidePartnerships} by the district that holds the place now (or, for an area that
     * names no district, its name).
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "outside", nullable = false)
    public Map<String, Outside> outside = new LinkedHashMap<>();

    /** The instance that holds the import's file and queue; it vouches for the import while it lives. */
    public String worker;

    /**
     * Written on insert, then only by statements that set it to the database's now() (heartbeat,
     * chunks): an update of the entity never carries back a value it read earlier.
     */
    @Column(name = "heard_at", nullable = false, updatable = false)
    public Instant heardAt;

    void outside(String key, String area, String partnershipId, String reason) {
        outsidePartnerships++;
        Outside current = outside.get(key);
        Map<String, Outside> updated = new LinkedHashMap<>(outside);
        updated.put(key, new Outside(area, partnershipId, current == null ? 1 : current.rows() + 1, reason));
        outside = updated;
    }

    void reject(String reason, long row) {
        rejected++;
        Rejections current = rejections.get(reason);
        List<Long> examples = new ArrayList<>(current == null ? List.of() : current.exampleRows());
        if (examples.size() < EXAMPLES) {
            examples.add(row);
        }
        Map<String, Rejections> updated = new LinkedHashMap<>(rejections);
        updated.put(reason, new Rejections(current == null ? 1 : current.count() + 1, examples));
        rejections = updated;
    }
}
