package org.saferpartnerships.partnership.risks;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;

import org.saferpartnerships.partnership.common.PartnershipRecord;
import org.saferpartnerships.platform.events.partnership.RiskChanged;
import org.saferpartnerships.platform.partnership.RiskScale;

/** An entry of a partnership's risk register. */
@Entity
public class Risk extends PartnershipRecord {

    /** The register's own numbering, e.g. "1". */
    @Column(nullable = false)
    public String reference;

    @Column(nullable = false)
    public String description;

    @Column(nullable = false)
    public int likelihood;

    @Column(nullable = false)
    public int impact;

    public String mitigation;

    public String owner;

    @Column(name = "review_on")
    public LocalDate reviewOn;

    @Column(nullable = false)
    public boolean closed;


    public int score() {
        return RiskScale.score(likelihood, impact);
    }

    public String rating() {
        return RiskScale.rating(score());
    }

    RiskChanged changed(RiskChanged.Change change) {
        return new RiskChanged(change, id, partnershipId, reference, description, likelihood, impact, score(),
                rating(), mitigation, owner, reviewOn, closed, version);
    }
}
