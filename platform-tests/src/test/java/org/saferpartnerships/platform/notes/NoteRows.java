package org.saferpartnerships.platform.notes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.agroal.api.AgroalDataSource;

/** Reads the test application's tables, for the tests' assertions. */
public final class NoteRows {

    private NoteRows() {
    }

    public static long count(AgroalDataSource dataSource, String sql, Object parameter) {
        return Long.parseLong(text(dataSource, sql, parameter));
    }

    /** The first column of the one row the query finds. */
    public static String text(AgroalDataSource dataSource, String sql, Object parameter) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("No row: " + sql);
                }
                return rows.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read: " + sql, e);
        }
    }
}
