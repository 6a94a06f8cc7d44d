package org.saferpartnerships.partnership.plans;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.saferpartnerships.partnership.common.PartnershipRecord;
import org.saferpartnerships.platform.partnership.ActionStatus;

/** An action of a partnership's annual plan, owned and delivered by a member agency. */
@Entity
@Table(name = "plan_action")
public class PlanAction extends PartnershipRecord {

    @Column(name = "financial_year", nullable = false, updatable = false)
    public int financialYear;

    @Column(name = "priority_id")
    public UUID priorityId;

    @Column(nullable = false)
    public String title;

    @Column(name = "owner_agency_id", nullable = false)
    public String ownerAgencyId;

    @Column(name = "start_on", nullable = false)
    public LocalDate startOn;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ActionStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<ActionInput.Milestone> milestones = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<ActionInput.Measure> measures = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<ProgressUpdate.Entry> progress = new ArrayList<>();
}
