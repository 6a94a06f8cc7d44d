package org.saferpartnerships.reporting.directory;

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

    @Column(nullable = false)
    public long version;
}
