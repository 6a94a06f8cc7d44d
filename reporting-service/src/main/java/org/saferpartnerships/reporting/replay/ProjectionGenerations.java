package org.saferpartnerships.reporting.replay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;

/**
 * The live projection tables, which feeds read, and during a rebuild the next generation of them,
 * which the replay fills (schema {@code projection_next}, migration V6). Consumers write to the
 * next generation while a rebuild is under way, so analysts see the complete counts of before the
 * rebuild until the replay has caught up, and then the rebuilt ones, never a partial count.
 *
 * <p>Every statement runs in the caller's transaction. The row of {@code projection_rebuild} is
 * the lock between them: consumers read it {@code for share}, a rebuild's start and end update it,
 * so each waits for the other's transactions in flight.
 */
@ApplicationScoped
public class ProjectionGenerations {

    /** Every table derived from the topics: they are rebuilt, and switched, together. */
    static final List<String> TABLES = List.of("incident_count", "incident_flag_count", "incident_location_count",
            "projection_state", "partnership_directory", "partnership_priority", "partnership_agency",
            "partnership_membership", "partnership_body", "partnership_meeting", "partnership_action",
            "partnership_risk", "partnership_dhr", "budget_funder", "budget_stream", "budget_allocation",
            "budget_carry_forward", "budget_initiative", "budget_spend_line", "budget_year", "budget_year_outturn",
            "open_crime", "projection_position");

    private final AgroalDataSource dataSource;

    ProjectionGenerations(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Points the consumer's transaction at the generation it must write: the next one while a
     * rebuild is under way (by search path, so that the projections' own statements stay as they are).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void writeToCurrentGeneration() {
        try (Connection connection = dataSource.getConnection()) {
            if (rebuildUnderWay(connection, "for share").isPresent()) {
                try (PreparedStatement path = connection.prepareStatement(
                        "select set_config('search_path', 'projection_next, public', true)")) {
                    path.execute();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not tell which projection tables to write", e);
        }
    }

    /** Starts rebuild {@code id}: empty copies of the tables, which consumers write from now on. */
    @Transactional(Transactional.TxType.MANDATORY)
    void startNextGeneration(UUID id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement start = connection.prepareStatement(
                        "update projection_rebuild set rebuild_id = ?, started_at = now()");
                PreparedStatement prepare = connection.prepareStatement("select projection_next_prepare(?::text[])")) {
            // First, so that consumers' transactions in flight end before the copies are made.
            start.setObject(1, id);
            start.executeUpdate();
            prepare.setArray(1, connection.createArrayOf("text", TABLES.toArray()));
            prepare.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not start a rebuild of the projections", e);
        }
    }

    /**
     * The rebuild under way, locked against consumers and the other instances until the caller's
     * transaction ends; empty when there is none.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<UUID> lockRebuild() {
        try (Connection connection = dataSource.getConnection()) {
            return rebuildUnderWay(connection, "for update");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not lock the rebuild of the projections", e);
        }
    }

    /** The next generation takes the live one's place; the caller holds {@link #lockRebuild()}. */
    @Transactional(Transactional.TxType.MANDATORY)
    void switchToNextGeneration() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement switchOver = connection.prepareStatement("select projection_next_switch(?::text[])");
                PreparedStatement end = connection.prepareStatement(
                        "update projection_rebuild set rebuild_id = null, started_at = null")) {
            switchOver.setArray(1, connection.createArrayOf("text", TABLES.toArray()));
            switchOver.execute();
            end.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not put the rebuilt projections in place", e);
        }
    }

    private static Optional<UUID> rebuildUnderWay(Connection connection, String lock) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement("select rebuild_id from projection_rebuild " + lock);
                ResultSet row = read.executeQuery()) {
            row.next();
            return Optional.ofNullable(row.getObject(1, UUID.class));
        }
    }
}
