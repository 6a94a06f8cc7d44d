package org.saferpartnerships.partnership.agencies;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.saferpartnerships.platform.events.partnership.AgencyChanged;

/** An organisation in the directory that can be a member of partnerships: a council, a police force, a charity… */
@Entity
public class Agency extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AgencyType type;

    /** A responsible authority under the Crime and Disorder Act 1998 s.5; defaults from the type. */
    @Column(name = "responsible_authority", nullable = false)
    public boolean responsibleAuthority;

    @Version
    public long version;

    AgencyChanged changed(AgencyChanged.Change change) {
        return new AgencyChanged(change, id, name, type.slug(), responsibleAuthority, version);
    }
}
