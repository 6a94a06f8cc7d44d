package org.saferpartnerships.reporting.counts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;

import org.saferpartnerships.platform.events.incident.IncidentCorrected;
import org.saferpartnerships.platform.events.incident.IncidentRecorded;
import org.saferpartnerships.platform.events.incident.IncidentSnapshot;
import org.saferpartnerships.platform.events.incident.IncidentWithdrawn;

/**
 * Applies incident events to the count projections: recorded adds, corrected moves (out of the
 * old cells, into the new), withdrawn removes. Cells are keyed by what feeds group by.
 *
 * <p>Events come in batches: each event's cells are worked out as it is read ({@link Change}), the
 * batch's changes are summed per cell, and each table takes one statement for the whole batch.
 */
@ApplicationScoped
public class IncidentCountProjection {

    public static final String NAME = "incident-counts";

    /** A cell of one of the three count tables, with the key its table is unique on. */
    sealed interface Cell {
    }

    record CountCell(String partnership, LocalDate month, String district, String category, String asbType)
            implements Cell {
        static final Comparator<CountCell> ORDER = Comparator.comparing(CountCell::partnership)
                .thenComparing(CountCell::month).thenComparing(CountCell::district)
                .thenComparing(CountCell::category).thenComparing(CountCell::asbType);
    }

    record FlagCell(String partnership, LocalDate month, String district, String category, String flag)
            implements Cell {
        static final Comparator<FlagCell> ORDER = Comparator.comparing(FlagCell::partnership)
                .thenComparing(FlagCell::month).thenComparing(FlagCell::district)
                .thenComparing(FlagCell::category).thenComparing(FlagCell::flag);
    }

    /** Latitude and longitude at the column's scale, so that cells equal in the table are equal here. */
    record PlaceCell(String partnership, LocalDate month, String category, String location, BigDecimal latitude,
            BigDecimal longitude) implements Cell {
        static final Comparator<PlaceCell> ORDER = Comparator.comparing(PlaceCell::partnership)
                .thenComparing(PlaceCell::month).thenComparing(PlaceCell::category)
                .thenComparing(PlaceCell::location)
                .thenComparing(PlaceCell::latitude, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(PlaceCell::longitude, Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    record Delta(Cell cell, int by) {
    }

    /** What one event does to the counts, and its time; {@link #NONE} for an event that counts nothing. */
    public record Change(List<Delta> deltas, Instant eventTime) {
        public static final Change NONE = new Change(List.of(), null);
    }

    private final AgroalDataSource dataSource;

    IncidentCountProjection(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Change changeOf(IncidentRecorded event, Instant eventTime) {
        return new Change(deltas(event.incident(), 1), eventTime);
    }

    public Change changeOf(IncidentCorrected event, Instant eventTime) {
        List<Delta> deltas = new ArrayList<>(deltas(event.previous(), -1));
        deltas.addAll(deltas(event.incident(), 1));
        return new Change(deltas, eventTime);
    }

    public Change changeOf(IncidentWithdrawn event, Instant eventTime) {
        return new Change(deltas(event.incident(), -1), eventTime);
    }

    /**
     * Applies a batch of changes: summed per cell first, so that each table takes one upsert in
     * which no cell comes twice (an upsert cannot change a row twice), and cells that net to
     * nothing are left alone.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<Change> changes) {
        Map<Cell, Long> sums = new HashMap<>();
        Instant latest = null;
        for (Change change : changes) {
            for (Delta delta : change.deltas()) {
                sums.merge(delta.cell(), (long) delta.by(), Long::sum);
            }
            if (change.eventTime() != null && (latest == null || change.eventTime().isAfter(latest))) {
                latest = change.eventTime();
            }
        }
        sums.values().removeIf(sum -> sum == 0);
        try (Connection connection = dataSource.getConnection()) {
            upsert(connection, sums, CountCell.class, CountCell.ORDER, """
                    insert into incident_count (partnership_id, month, district_code, category, asb_type, incident_count)
                    select * from unnest(?::text[], ?::date[], ?::text[], ?::text[], ?::text[], ?::bigint[])
                    on conflict (partnership_id, month, district_code, category, asb_type)
                    do update set incident_count = incident_count.incident_count + excluded.incident_count""",
                    List.of(column("text", CountCell::partnership), column("date", CountCell::month),
                            column("text", CountCell::district), column("text", CountCell::category),
                            column("text", CountCell::asbType)));
            upsert(connection, sums, FlagCell.class, FlagCell.ORDER, """
                    insert into incident_flag_count (partnership_id, month, district_code, category, flag, incident_count)
                    select * from unnest(?::text[], ?::date[], ?::text[], ?::text[], ?::text[], ?::bigint[])
                    on conflict (partnership_id, month, district_code, category, flag)
                    do update set incident_count = incident_flag_count.incident_count + excluded.incident_count""",
                    List.of(column("text", FlagCell::partnership), column("date", FlagCell::month),
                            column("text", FlagCell::district), column("text", FlagCell::category),
                            column("text", FlagCell::flag)));
            // Unique nulls not distinct: places without a point are one cell per description.
            upsert(connection, sums, PlaceCell.class, PlaceCell.ORDER, """
                    insert into incident_location_count (partnership_id, month, category, location_description,
                        latitude, longitude, incident_count)
                    select * from unnest(?::text[], ?::date[], ?::text[], ?::text[], ?::numeric[], ?::numeric[],
                        ?::bigint[])
                    on conflict on constraint incident_location_cell
                    do update set incident_count = incident_location_count.incident_count + excluded.incident_count""",
                    List.of(column("text", PlaceCell::partnership), column("date", PlaceCell::month),
                            column("text", PlaceCell::category), column("text", PlaceCell::location),
                            column("numeric", PlaceCell::latitude), column("numeric", PlaceCell::longitude)));
            if (latest != null) {
                applied(connection, latest);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not apply " + changes.size() + " incident events to the counts", e);
        }
    }

    private static List<Delta> deltas(IncidentSnapshot incident, int by) {
        LocalDate month = YearMonth.parse(incident.occurredMonth()).atDay(1);
        List<Delta> deltas = new ArrayList<>();
        deltas.add(new Delta(new CountCell(incident.partnershipId(), month, incident.districtCode(),
                incident.category(), incident.asbType() == null ? "" : incident.asbType()), by));
        for (String flag : incident.flags()) {
            deltas.add(new Delta(new FlagCell(incident.partnershipId(), month, incident.districtCode(),
                    incident.category(), flag), by));
        }
        if (incident.locationDescription() != null) {
            deltas.add(new Delta(new PlaceCell(incident.partnershipId(), month, incident.category(),
                    incident.locationDescription(), columnScale(incident.latitude()),
                    columnScale(incident.longitude())), by));
        }
        return deltas;
    }

    /** numeric(9, 6) rounds half away from zero, as HALF_UP does. */
    private static BigDecimal columnScale(BigDecimal degrees) {
        return degrees == null ? null : degrees.setScale(6, RoundingMode.HALF_UP);
    }

    /** A key column of a cell type: its SQL array element type and how to read it from a cell. */
    private record Column<C>(String sqlType, Function<C, Object> value) {
    }

    private static <C> Column<C> column(String sqlType, Function<C, Object> value) {
        return new Column<>(sqlType, value);
    }

    /**
     * One upsert of every cell of the type, as arrays (one per column, the sum last). In a fixed
     * order, so that batches of two instances touching the same cells lock them in the same order.
     */
    private static <C extends Cell> void upsert(Connection connection, Map<Cell, Long> sums, Class<C> type,
            Comparator<C> order, String sql, List<Column<C>> key) throws SQLException {
        List<Map.Entry<C, Long>> rows = new ArrayList<>();
        sums.forEach((cell, sum) -> {
            if (type.isInstance(cell)) {
                rows.add(Map.entry(type.cast(cell), sum));
            }
        });
        if (rows.isEmpty()) {
            return;
        }
        rows.sort(Map.Entry.comparingByKey(order));
        try (PreparedStatement upsert = connection.prepareStatement(sql)) {
            int parameter = 1;
            for (Column<C> column : key) {
                upsert.setArray(parameter++, connection.createArrayOf(column.sqlType(),
                        rows.stream().map(row -> column.value().apply(row.getKey())).toArray()));
            }
            upsert.setArray(parameter, connection.createArrayOf("bigint", rows.stream().map(Map.Entry::getValue).toArray()));
            upsert.executeUpdate();
        }
    }

    private static void applied(Connection connection, Instant eventTime) throws SQLException {
        try (PreparedStatement state = connection.prepareStatement("""
                insert into projection_state (projection, last_event_at, last_applied_at) values (?, ?, now())
                on conflict (projection) do update set last_event_at = greatest(projection_state.last_event_at,
                    excluded.last_event_at), last_applied_at = now()""")) {
            state.setString(1, NAME);
            state.setTimestamp(2, Timestamp.from(eventTime));
            state.executeUpdate();
        }
    }
}
