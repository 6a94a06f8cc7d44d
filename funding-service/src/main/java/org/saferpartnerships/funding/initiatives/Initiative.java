package org.saferpartnerships.funding.initiatives;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.saferpartnerships.platform.events.funding.InitiativeChanged;

/**
 * A commitment of a partnership's money from one stream in one year to an initiative serving one
 * of its priorities, e.g. one of the six the Maldon RAG approved on 6 October 2017.
 */
@Entity
public class Initiative extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "partnership_id", nullable = false, updatable = false)
    public String partnershipId;

    @Column(name = "stream_id", nullable = false)
    public UUID streamId;

    @Column(name = "financial_year", nullable = false, updatable = false)
    public int financialYear;

    @Column(nullable = false)
    public String title;

    public String description;

    @Column(name = "priority_id")
    public UUID priorityId;

    /** Null where the approving paper published no figure: none is invented. */
    @Column(precision = 14, scale = 2)
    public BigDecimal amount;

    /** The amount was assumed for illustration, not published. */
    @Column(name = "amount_illustrative", nullable = false)
    public boolean amountIllustrative;

    @Column(name = "approved_on")
    public LocalDate approvedOn;

    @Column(name = "approved_at_meeting_id")
    public UUID approvedAtMeetingId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InitiativeStatus status;

    @Version
    public long version;

    InitiativeChanged changed(InitiativeChanged.Change change) {
        return new InitiativeChanged(change, id, partnershipId, streamId, financialYear, title, description, priorityId,
                amount, amountIllustrative, approvedOn, approvedAtMeetingId, status.slug(), version);
    }
}
