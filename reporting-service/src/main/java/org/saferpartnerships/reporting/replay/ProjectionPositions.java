package org.saferpartnerships.reporting.replay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.saferpartnerships.platform.events.report.ReportPublished.Position;

/**
 * How far each source partition has been applied to the projections, kept in the projections'
 * own transactions (table {@code projection_position}, rebuilt with them): what a published
 * report records as the state it was assembled from.
 */
@ApplicationScoped
public class ProjectionPositions {

    private final AgroalDataSource dataSource;

    ProjectionPositions(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The records were applied (or set aside as dead letters) in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    void applied(Collection<? extends ConsumerRecord<?, ?>> records) {
        if (records.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement("""
                        insert into projection_position (topic, partition, last_offset) values (?, ?, ?)
                        on conflict (topic, partition)
                        do update set last_offset = greatest(projection_position.last_offset, excluded.last_offset)""")) {
            for (ConsumerRecord<?, ?> record : records) {
                upsert.setString(1, record.topic());
                upsert.setInt(2, record.partition());
                upsert.setLong(3, record.offset());
                upsert.addBatch();
            }
            upsert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record how far the projections have applied their topics", e);
        }
    }

    /** Every source partition's position, by topic and partition. */
    public List<Position> current() {
        List<Position> positions = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement read = connection.prepareStatement(
                        "select topic, partition, last_offset from projection_position order by topic, partition");
                ResultSet row = read.executeQuery()) {
            while (row.next()) {
                positions.add(new Position(row.getString(1), row.getInt(2), row.getLong(3)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read how far the projections have applied their topics", e);
        }
        return List.copyOf(positions);
    }
}
