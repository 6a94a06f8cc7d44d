package org.saferpartnerships.partnership.strategies;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.saferpartnerships.partnership.common.PartnershipRecord;

/** A partnership's three-year strategy: its focus areas, the outcomes it tracks, its yearly reviews. */
@Entity
public class Strategy extends PartnershipRecord {

    @Column(nullable = false)
    public String title;

    @Column(name = "start_year", nullable = false)
    public int startYear;

    @Column(name = "end_year", nullable = false)
    public int endYear;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "focus_areas", nullable = false)
    public List<String> focusAreas = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<StrategyInput.Outcome> outcomes = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<StrategyInput.Review> reviews = new ArrayList<>();
}
