package org.saferpartnerships.funding.carryforwards;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.saferpartnerships.platform.events.funding.CarryForwardChanged;

/** A partnership's request that a stream's underspend of one year roll into the next, and the funder's decision. */
@Entity
@Table(name = "carry_forward")
public class CarryForward extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "partnership_id", nullable = false, updatable = false)
    public String partnershipId;

    @Column(name = "stream_id", nullable = false, updatable = false)
    public UUID streamId;

    @Column(name = "from_year", nullable = false, updatable = false)
    public int fromYear;

    @Column(nullable = false, precision = 14, scale = 2)
    public BigDecimal requested;

    @Column(nullable = false)
    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CarryForwardStatus status;

    @Column(precision = 14, scale = 2)
    public BigDecimal approved;

    @Column(name = "decided_on")
    public LocalDate decidedOn;

    @Column(name = "decision_note")
    public String decisionNote;

    @Version
    public long version;

    public int intoYear() {
        return fromYear + 1;
    }

    CarryForwardChanged changed(CarryForwardChanged.Change change) {
        return new CarryForwardChanged(change, id, partnershipId, streamId, fromYear, intoYear(), requested, reason,
                status.slug(), approved, decidedOn, decisionNote, version);
    }
}
