package org.saferpartnerships.funding.funders;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.saferpartnerships.platform.events.funding.FundingStreamChanged;

/** One of a funder's streams of money, e.g. Essex PFCC's core community safety grant. */
@Entity
@Table(name = "funding_stream")
public class FundingStream extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "funder_id", nullable = false, updatable = false)
    public String funderId;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StreamKind kind;

    @Version
    public long version;

    FundingStreamChanged changed(FundingStreamChanged.Change change) {
        return new FundingStreamChanged(change, id, funderId, name, kind.slug(), version);
    }
}
