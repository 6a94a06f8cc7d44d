package org.saferpartnerships.reporting.policeuk;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;

/**
 * The queries of the open-data read model. An area is read by its box of latitude and longitude
 * (the index on month, latitude, longitude) and checked exactly here, row by row as they stream in.
 */
@ApplicationScoped
public class OpenCrimes {

    private static final String COLUMNS = """
            select id, month, category, persistent_id, latitude, longitude, street_id, street_name, outcome
            from open_crime
            """;

    /** Rows fetched at a time: an area's answer streams in, never the whole box at once. */
    private static final int FETCH = 2_000;

    /** Boxes searched for the street nearest a point, half-widths in degrees: a street, a town, a county. */
    private static final double[] NEAREST_SEARCH = { 0.002, 0.01, 0.05, 0.25 };

    private final AgroalDataSource dataSource;

    OpenCrimes(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every month held, newest first: a loose index scan, one index probe a month. */
    @Transactional
    public List<YearMonth> months() {
        return list("""
                with recursive held as (
                    (select month from open_crime order by month desc limit 1)
                    union all
                    select (select o.month from open_crime o where o.month < held.month order by o.month desc limit 1)
                    from held where held.month is not null)
                select month from held where month is not null""", statement -> {
        }, rows -> YearMonth.from(rows.getDate(1).toLocalDate()));
    }

    @Transactional
    public Optional<YearMonth> latest() {
        List<YearMonth> latest = list("select max(month) from open_crime having max(month) is not null",
                statement -> {
                }, rows -> YearMonth.from(rows.getDate(1).toLocalDate()));
        return latest.stream().findFirst();
    }

    @Transactional
    public boolean holds(YearMonth month) {
        return !list("select 1 from open_crime where month = ? limit 1", statement -> statement.setDate(1, first(month)),
                rows -> 1).isEmpty();
    }

    /**
     * The month's crimes of the category ({@code null} for all) inside the area, by id.
     *
     * @throws TooManyCrimes past {@code limit}
     */
    @Transactional
    public List<OpenCrime> in(Area area, YearMonth month, String category, int limit) {
        Area.Box box = area.box();
        List<OpenCrime> inside = new ArrayList<>();
        query(COLUMNS + """
                 where month = ? and latitude between ? and ? and longitude between ? and ?
                  and (?::text is null or category = ?)""", statement -> {
            statement.setDate(1, first(month));
            statement.setBigDecimal(2, BigDecimal.valueOf(box.south()));
            statement.setBigDecimal(3, BigDecimal.valueOf(box.north()));
            statement.setBigDecimal(4, BigDecimal.valueOf(box.west()));
            statement.setBigDecimal(5, BigDecimal.valueOf(box.east()));
            statement.setString(6, category);
            statement.setString(7, category);
        }, rows -> {
            OpenCrime crime = crime(rows);
            if (area.contains(crime.latitude().doubleValue(), crime.longitude().doubleValue())) {
                if (inside.size() == limit) {
                    throw new TooManyCrimes(limit);
                }
                inside.add(crime);
            }
        });
        inside.sort(Comparator.comparingLong(OpenCrime::id));
        return inside;
    }

    @Transactional
    public List<OpenCrime> atStreet(long streetId, YearMonth month) {
        return list(COLUMNS + "where street_id = ? and month = ? order by id", statement -> {
            statement.setLong(1, streetId);
            statement.setDate(2, first(month));
        }, OpenCrimes::crime);
    }

    /** The street nearest the point within about a county's width, if any. */
    @Transactional
    public Optional<Long> streetNearest(Area.Point point) {
        for (double half : NEAREST_SEARCH) {
            double radius = Math.toRadians(half) * Area.EARTH_METRES;
            Area.Box box = new Area.Circle(point, radius).box();
            long[] nearest = { -1 };
            double[] best = { Double.MAX_VALUE };
            query("""
                    select id, latitude, longitude from open_street
                    where latitude between ? and ? and longitude between ? and ?""", statement -> {
                statement.setBigDecimal(1, BigDecimal.valueOf(box.south()));
                statement.setBigDecimal(2, BigDecimal.valueOf(box.north()));
                statement.setBigDecimal(3, BigDecimal.valueOf(box.west()));
                statement.setBigDecimal(4, BigDecimal.valueOf(box.east()));
            }, rows -> {
                double metres = Area.metres(point, new Area.Point(rows.getDouble(2), rows.getDouble(3)));
                if (metres < best[0]) {
                    best[0] = metres;
                    nearest[0] = rows.getLong(1);
                }
            });
            // Only a street inside the circle the box holds is surely the nearest of all.
            if (best[0] <= radius) {
                return Optional.of(nearest[0]);
            }
        }
        return Optional.empty();
    }

    @Transactional
    public List<OpenCrime> withoutLocation(String force, YearMonth month, String category) {
        return list(COLUMNS + """
                 where latitude is null and month = ? and force = ? and (?::text is null or category = ?)
                order by id""", statement -> {
            statement.setDate(1, first(month));
            statement.setString(2, force);
            statement.setString(3, category);
            statement.setString(4, category);
        }, OpenCrimes::crime);
    }

    @Transactional
    public Optional<OpenCrime> byPersistentId(String persistentId) {
        return list(COLUMNS + "where persistent_id = ? and persistent_id <> '' order by id limit 1",
                statement -> statement.setString(1, persistentId), OpenCrimes::crime).stream().findFirst();
    }

    private static OpenCrime crime(ResultSet rows) throws SQLException {
        return new OpenCrime(rows.getLong(1), YearMonth.from(rows.getDate(2).toLocalDate()), rows.getString(3),
                rows.getString(4), rows.getBigDecimal(5), rows.getBigDecimal(6), rows.getObject(7, Long.class),
                rows.getString(8), rows.getString(9));
    }

    private static Date first(YearMonth month) {
        return Date.valueOf(month.atDay(1));
    }

    private interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    private interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private interface RowSink {
        void take(ResultSet rows) throws SQLException;
    }

    private <T> List<T> list(String sql, Parameters parameters, RowReader<T> reader) {
        List<T> rows = new ArrayList<>();
        query(sql, parameters, row -> rows.add(reader.read(row)));
        return rows;
    }

    /** In the caller's transaction, so the driver fetches with a cursor rather than all rows at once. */
    private void query(String sql, Parameters parameters, RowSink sink) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(FETCH);
            parameters.set(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sink.take(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the open crimes", e);
        }
    }
}
