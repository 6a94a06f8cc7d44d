package org.saferpartnerships.partnership.common;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A record that belongs to one partnership: identified by a UUID, versioned for ETags. */
@MappedSuperclass
public abstract class PartnershipRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "partnership_id", nullable = false, updatable = false)
    public String partnershipId;

    @Version
    public long version;
}
