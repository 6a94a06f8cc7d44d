package org.saferpartnerships.reporting.incidents;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.saferpartnerships.platform.events.incident.IncidentCorrected;
import org.saferpartnerships.platform.events.incident.IncidentRecorded;
import org.saferpartnerships.platform.events.incident.IncidentSnapshot;
import org.saferpartnerships.platform.events.incident.IncidentWithdrawn;

/**
 * Applies incident events to the count projections: recorded adds, corrected moves (out of the
 * old cells, into the new), withdrawn removes. Cells are keyed by what feeds group by.
 */
@ApplicationScoped
public class IncidentCountProjection {

    public static final String NAME = "incident-counts";

    private final EntityManager entityManager;

    IncidentCountProjection(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncidentRecorded event, Instant eventTime) {
        add(event.incident(), 1);
        applied(eventTime);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncidentCorrected event, Instant eventTime) {
        add(event.previous(), -1);
        add(event.incident(), 1);
        applied(eventTime);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncidentWithdrawn event, Instant eventTime) {
        add(event.incident(), -1);
        applied(eventTime);
    }

    /** Empties every count, for a rebuild from the topics. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void clear() {
        entityManager.createNativeQuery("truncate incident_count, incident_flag_count, incident_location_count")
                .executeUpdate();
        entityManager.createNativeQuery("delete from projection_state where projection = ?1")
                .setParameter(1, NAME).executeUpdate();
    }

    private void add(IncidentSnapshot incident, int delta) {
        LocalDate month = YearMonth.parse(incident.occurredMonth()).atDay(1);
        entityManager.createNativeQuery("""
                insert into incident_count (partnership_id, month, district_code, category, asb_type, incident_count)
                values (?1, ?2, ?3, ?4, ?5, ?6)
                on conflict (partnership_id, month, district_code, category, asb_type)
                do update set incident_count = incident_count.incident_count + excluded.incident_count""")
                .setParameter(1, incident.partnershipId()).setParameter(2, month)
                .setParameter(3, incident.districtCode()).setParameter(4, incident.category())
                .setParameter(5, incident.asbType() == null ? "" : incident.asbType()).setParameter(6, delta)
                .executeUpdate();
        for (String flag : incident.flags()) {
            entityManager.createNativeQuery("""
                    insert into incident_flag_count (partnership_id, month, district_code, category, flag, incident_count)
                    values (?1, ?2, ?3, ?4, ?5, ?6)
                    on conflict (partnership_id, month, district_code, category, flag)
                    do update set incident_count = incident_flag_count.incident_count + excluded.incident_count""")
                    .setParameter(1, incident.partnershipId()).setParameter(2, month)
                    .setParameter(3, incident.districtCode()).setParameter(4, incident.category())
                    .setParameter(5, flag).setParameter(6, delta)
                    .executeUpdate();
        }
        if (incident.locationDescription() != null) {
            entityManager.createNativeQuery("""
                    insert into incident_location_count (partnership_id, month, category, location_description,
                        latitude, longitude, incident_count)
                    values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                    on conflict on constraint incident_location_cell
                    do update set incident_count = incident_location_count.incident_count + excluded.incident_count""")
                    .setParameter(1, incident.partnershipId()).setParameter(2, month)
                    .setParameter(3, incident.category()).setParameter(4, incident.locationDescription())
                    .setParameter(5, incident.latitude()).setParameter(6, incident.longitude()).setParameter(7, delta)
                    .executeUpdate();
        }
    }

    private void applied(Instant eventTime) {
        entityManager.createNativeQuery("""
                insert into projection_state (projection, last_event_at, last_applied_at) values (?1, ?2, now())
                on conflict (projection) do update set last_event_at = greatest(projection_state.last_event_at,
                    excluded.last_event_at), last_applied_at = now()""")
                .setParameter(1, NAME).setParameter(2, eventTime).executeUpdate();
    }
}
