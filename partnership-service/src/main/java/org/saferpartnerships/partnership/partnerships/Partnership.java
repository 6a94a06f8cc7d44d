package org.saferpartnerships.partnership.partnerships;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.saferpartnerships.platform.events.partnership.PartnershipChanged;

/** A Community Safety Partnership, defined by the local authority districts it covers. */
@Entity
public class Partnership extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    /** ONS GSS codes; a joint partnership (Castle Point & Rochford) covers several. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "partnership_district", joinColumns = @JoinColumn(name = "partnership_id"))
    @OrderColumn(name = "position")
    @Column(name = "district_code", nullable = false)
    public List<String> districts = new ArrayList<>();

    /** The Police (Fire) and Crime Commissioner area that funds it, e.g. "Essex". */
    @Column(name = "pcc_area")
    public String pccArea;

    /** The county board it reports to, e.g. "Safer Essex". */
    @Column(name = "county_board")
    public String countyBoard;

    public String website;

    @Version
    public long version;

    public PartnershipChanged changed(PartnershipChanged.Change change) {
        return new PartnershipChanged(change, id, name, List.copyOf(districts), pccArea, countyBoard, website,
                version);
    }
}
