package org.saferpartnerships.funding.initiatives;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A dated line of spend against an initiative. Lines are never changed: a mistake is corrected by a
 * reversal, a line of the opposite amount that names the line it reverses.
 */
@Entity
@Table(name = "spend_line")
public class SpendLine extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "initiative_id", nullable = false, updatable = false)
    public UUID initiativeId;

    @Column(name = "spent_on", nullable = false, updatable = false)
    public LocalDate spentOn;

    @Column(nullable = false, precision = 14, scale = 2, updatable = false)
    public BigDecimal amount;

    @Column(nullable = false, updatable = false)
    public String description;

    @Column(name = "reverses_id", updatable = false)
    public UUID reversesId;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;

    /** The token's subject of who recorded it. */
    @Column(name = "recorded_by", nullable = false, updatable = false)
    public String recordedBy;
}
