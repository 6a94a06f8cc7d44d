package org.saferpartnerships.partnership.governance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.saferpartnerships.partnership.common.PartnershipRecord;

/** A meeting of one of the partnership's bodies: who attended and what it decided. */
@Entity
public class Meeting extends PartnershipRecord {

    @Column(name = "body_id", nullable = false)
    public UUID bodyId;

    @Column(name = "held_on", nullable = false)
    public LocalDate heldOn;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "attending_agencies", nullable = false)
    public List<String> attendingAgencies = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<MeetingInput.Decision> decisions = new ArrayList<>();
}
