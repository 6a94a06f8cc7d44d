package org.saferpartnerships.reporting.policeuk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;

import org.saferpartnerships.platform.events.incident.IncidentCorrected;
import org.saferpartnerships.platform.events.incident.IncidentRecorded;
import org.saferpartnerships.platform.events.incident.IncidentSnapshot;
import org.saferpartnerships.platform.events.incident.IncidentWithdrawn;

/**
 * Keeps {@code open_crime}: one row per incident imported from a data.police.uk publication, as its
 * latest event leaves it. A correction replaces the row, a withdrawal deletes it; records agencies
 * posted themselves never come here. Applied in the transaction of the batch that brings the events,
 * beside the counts, so the open crimes and the counts never disagree about which events were seen.
 */
@ApplicationScoped
public class OpenCrimeProjection {

    /** What one event leaves of an incident here: its open state, or {@code null} when it is gone. */
    public record Change(UUID incidentId, long version, IncidentSnapshot crime) {
        public static final Change NONE = new Change(null, 0, null);
    }

    /** A reference of an ASB row, which has no Crime ID: made up by the import, never shown. */
    static final String MADE_UP_REFERENCE = "police-uk:";

    private final AgroalDataSource dataSource;

    OpenCrimeProjection(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Change changeOf(IncidentRecorded event) {
        return event.incident().open() ? published(event.incident()) : Change.NONE;
    }

    public Change changeOf(IncidentCorrected event) {
        if (event.incident().open()) {
            return published(event.incident());
        }
        // The mark is fixed when a record is created; this only matters should that ever change.
        return event.previous().open() ? gone(event.incident()) : Change.NONE;
    }

    public Change changeOf(IncidentWithdrawn event) {
        return event.incident().open() ? gone(event.incident()) : Change.NONE;
    }

    private static Change published(IncidentSnapshot crime) {
        return new Change(crime.incidentId(), crime.version(), crime);
    }

    private static Change gone(IncidentSnapshot crime) {
        return new Change(crime.incidentId(), crime.version(), null);
    }

    /**
     * Applies a batch: only each incident's last change counts (an upsert cannot change a row twice),
     * in incident order so that two instances' batches lock rows in the same order. A row already
     * newer than a change is left as it is.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<Change> changes) {
        Map<UUID, Change> last = new LinkedHashMap<>();
        for (Change change : changes) {
            if (change.incidentId() != null) {
                last.merge(change.incidentId(), change, (before, after) -> after.version() >= before.version()
                        ? after : before);
            }
        }
        if (last.isEmpty()) {
            return;
        }
        List<Change> ordered = new ArrayList<>(last.values());
        ordered.sort(Comparator.comparing(Change::incidentId));
        List<IncidentSnapshot> published = ordered.stream().filter(c -> c.crime() != null).map(Change::crime).toList();
        List<Change> gone = ordered.stream().filter(c -> c.crime() == null).toList();
        try (Connection connection = dataSource.getConnection()) {
            if (!published.isEmpty()) {
                publish(connection, published);
            }
            if (!gone.isEmpty()) {
                try (PreparedStatement delete = connection.prepareStatement("""
                        delete from open_crime o using unnest(?::uuid[], ?::bigint[]) as gone(incident_id, version)
                        where o.incident_id = gone.incident_id and o.version <= gone.version""")) {
                    delete.setArray(1, array(connection, "uuid", gone, Change::incidentId));
                    delete.setArray(2, array(connection, "bigint", gone, Change::version));
                    delete.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not apply " + changes.size() + " incident events to the open crimes",
                    e);
        }
    }

    private static void publish(Connection connection, List<IncidentSnapshot> crimes) throws SQLException {
        // The ids police.uk clients keep live outside the projection, so a rebuild gives the same ones.
        try (PreparedStatement ids = connection.prepareStatement("""
                insert into public.open_crime_id (incident_id) select unnest(?::uuid[]) on conflict do nothing""");
                PreparedStatement streets = connection.prepareStatement("""
                        insert into public.open_street (latitude, longitude, name)
                        select distinct * from unnest(?::numeric[], ?::numeric[], ?::text[]) as s(latitude, longitude, name)
                        where latitude is not null and longitude is not null order by 1, 2, 3
                        on conflict do nothing""");
                PreparedStatement upsert = connection.prepareStatement("""
                        insert into open_crime (incident_id, id, month, category, persistent_id, force, latitude,
                            longitude, street_id, street_name, outcome, version)
                        select c.incident_id, i.id, c.month, c.category, c.persistent_id, c.force, c.latitude,
                            c.longitude, s.id, c.street_name, c.outcome, c.version
                        from unnest(?::uuid[], ?::date[], ?::text[], ?::text[], ?::text[], ?::numeric[], ?::numeric[],
                            ?::text[], ?::text[], ?::bigint[]) as c(incident_id, month, category, persistent_id, force,
                            latitude, longitude, street_name, outcome, version)
                        join public.open_crime_id i on i.incident_id = c.incident_id
                        left join public.open_street s on s.latitude = c.latitude and s.longitude = c.longitude
                            and s.name = coalesce(c.street_name, '')
                        on conflict (incident_id) do update set month = excluded.month, category = excluded.category,
                            persistent_id = excluded.persistent_id, force = excluded.force,
                            latitude = excluded.latitude, longitude = excluded.longitude,
                            street_id = excluded.street_id, street_name = excluded.street_name,
                            outcome = excluded.outcome, version = excluded.version
                        where open_crime.version <= excluded.version""")) {
            ids.setArray(1, array(connection, "uuid", crimes, IncidentSnapshot::incidentId));
            ids.executeUpdate();
            streets.setArray(1, array(connection, "numeric", crimes, c -> degrees(c.latitude())));
            streets.setArray(2, array(connection, "numeric", crimes, c -> degrees(c.longitude())));
            streets.setArray(3, array(connection, "text", crimes, OpenCrimeProjection::streetName));
            streets.executeUpdate();
            upsert.setArray(1, array(connection, "uuid", crimes, IncidentSnapshot::incidentId));
            upsert.setArray(2, array(connection, "date", crimes, OpenCrimeProjection::month));
            upsert.setArray(3, array(connection, "text", crimes, IncidentSnapshot::category));
            upsert.setArray(4, array(connection, "text", crimes, OpenCrimeProjection::persistentId));
            upsert.setArray(5, array(connection, "text", crimes,
                    c -> PoliceUkForces.ofAgency(c.agencyId()).map(PoliceUkForces.Force::id).orElse(null)));
            upsert.setArray(6, array(connection, "numeric", crimes, c -> degrees(c.latitude())));
            upsert.setArray(7, array(connection, "numeric", crimes, c -> degrees(c.longitude())));
            upsert.setArray(8, array(connection, "text", crimes, OpenCrimeProjection::streetName));
            upsert.setArray(9, array(connection, "text", crimes, IncidentSnapshot::outcome));
            upsert.setArray(10, array(connection, "bigint", crimes, IncidentSnapshot::version));
            upsert.executeUpdate();
        }
    }

    /** The Crime ID of the file; an ASB row has none, and police.uk shows "". */
    static String persistentId(IncidentSnapshot crime) {
        return crime.externalRef().startsWith(MADE_UP_REFERENCE) ? "" : crime.externalRef();
    }

    /** A street only where there is a point; its name as the file gave it ("On or near …"). */
    private static String streetName(IncidentSnapshot crime) {
        if (crime.latitude() == null || crime.longitude() == null) {
            return null;
        }
        return crime.locationDescription() == null ? "" : crime.locationDescription();
    }

    private static LocalDate month(IncidentSnapshot crime) {
        return YearMonth.parse(crime.occurredMonth()).atDay(1);
    }

    /** numeric(9, 6) rounds half away from zero, as HALF_UP does: the street join compares equals. */
    private static BigDecimal degrees(BigDecimal value) {
        return value == null ? null : value.setScale(6, RoundingMode.HALF_UP);
    }

    private static <T> Array array(Connection connection, String type, List<T> rows, Function<T, Object> value)
            throws SQLException {
        return connection.createArrayOf(type, rows.stream().map(value).toArray());
    }
}
