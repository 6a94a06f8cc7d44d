package org.saferpartnerships.funding.allocations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Part of an allocation the funder withholds, and why (e.g. the centralised Domestic Homicide Review process). */
@Entity
@Table(name = "top_slice")
public class TopSlice extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, precision = 14, scale = 2, updatable = false)
    public BigDecimal amount;

    @Column(nullable = false, updatable = false)
    public String purpose;

    @Column(name = "applied_on", nullable = false, updatable = false)
    public LocalDate appliedOn;
}
