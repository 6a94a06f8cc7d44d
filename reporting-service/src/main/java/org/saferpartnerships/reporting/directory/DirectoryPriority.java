package org.saferpartnerships.reporting.directory;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A partnership's priority as reporting knows it from partnership events. */
@Entity
@Table(name = "partnership_priority")
public class DirectoryPriority extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "partnership_id", nullable = false)
    public String partnershipId;

    @Column(name = "financial_year", nullable = false)
    public int financialYear;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String theme;

    @Column(nullable = false)
    public String status;

    public String description;

    /** The body that adopted it and when; null while it is a draft. */
    @Column(name = "adopted_by_body_id")
    public UUID adoptedByBodyId;

    @Column(name = "adopted_on")
    public LocalDate adoptedOn;

    @Column(nullable = false)
    public long version;
}
