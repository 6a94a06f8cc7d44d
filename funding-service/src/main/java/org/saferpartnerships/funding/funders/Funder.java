package org.saferpartnerships.funding.funders;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.saferpartnerships.platform.events.funding.FunderChanged;

/**
 * A body that funds partnerships. Its id is the agency id its funding officers' tokens carry, so
 * an officer speaks for the funder they work for.
 */
@Entity
public class Funder extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FunderKind kind;

    /** The funder's organisation identifier for publishing (org-id.guide), e.g. GB-GOVUK-…. */
    @Column(name = "org_id", nullable = false)
    public String orgId;

    /**
     * The funder's 360Giving identifier prefix, e.g. 360G-essexpfcc: its grants are 360G-…-<reference>.
     * Fixed once registered, so published identifiers stay the same.
     */
    @Column(name = "grant_prefix", nullable = false, updatable = false)
    public String grantPrefix;

    @Version
    public long version;

    FunderChanged changed(FunderChanged.Change change) {
        return new FunderChanged(change, id, name, kind.slug(), orgId, grantPrefix, version);
    }
}
