package org.saferpartnerships.incident.register;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.saferpartnerships.platform.events.incident.IncidentSnapshot;

/**
 * An incident or ASB report as an agency posted it. (agency, externalRef) identifies it in the
 * agency's own system. There is no field for names or contact details, by design.
 */
@Entity
@Table(name = "incident")
public class Incident extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "agency_id", nullable = false, updatable = false)
    public String agencyId;

    @Column(name = "external_ref", nullable = false, updatable = false)
    public String externalRef;

    @Column(name = "partnership_id", nullable = false)
    public String partnershipId;

    @Column(nullable = false)
    public String category;

    @Column(name = "asb_type")
    public String asbType;

    @Column(name = "asb_sub_type")
    public String asbSubType;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> flags = new ArrayList<>();

    @Column(name = "hate_crime_strand")
    public String hateCrimeStrand;

    @Column(name = "occurred_on")
    public LocalDate occurredOn;

    /** YYYY-MM; always set, from occurredOn when the day is known. */
    @Column(name = "occurred_month", nullable = false)
    public String occurredMonth;

    @Column(name = "reported_on")
    public LocalDate reportedOn;

    /** The district that holds the place now: where the incident is counted. */
    @Column(name = "district_code", nullable = false)
    public String districtCode;

    /**
     * The district as reported, in the month it happened (E07000204 St Edmundsbury for 2018, now
     * West Suffolk). Null for incidents recorded before it was kept apart: it was districtCode then.
     */
    @Column(name = "reported_district_code")
    public String reportedDistrictCode;

    @Column(name = "lsoa_code")
    public String lsoaCode;

    public BigDecimal latitude;

    public BigDecimal longitude;

    @Column(name = "location_description")
    public String locationDescription;

    public String outcome;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "enforcement_actions", nullable = false)
    public List<IncidentSnapshot.EnforcementAction> enforcementActions = new ArrayList<>();

    /**
     * {@link IncidentSnapshot#DATA_POLICE_UK} for a row of a data.police.uk publication (open data),
     * null for a record the agency posted itself. It says where the record came from, so it is fixed
     * when the record is created: corrections keep it.
     */
    @Column(updatable = false)
    public String publication;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;

    /** The transaction that recorded it, set by the database: listing pages walk this order. */
    @Column(name = "recorded_xid", insertable = false, updatable = false)
    public long recordedXid;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    @Version
    public long version;

    public static Optional<Incident> findByExternalRef(String agencyId, String externalRef) {
        return find("agencyId = ?1 and externalRef = ?2", agencyId, externalRef).firstResultOptional();
    }

    public String reportedDistrict() {
        return reportedDistrictCode != null ? reportedDistrictCode : districtCode;
    }

    public IncidentSnapshot snapshot() {
        return new IncidentSnapshot(id, agencyId, externalRef, partnershipId, category, asbType, asbSubType,
                List.copyOf(flags), hateCrimeStrand, occurredOn, occurredMonth, reportedOn, districtCode,
                reportedDistrict(), lsoaCode, latitude, longitude, locationDescription, outcome,
                List.copyOf(enforcementActions), publication, recordedAt, version);
    }
}
