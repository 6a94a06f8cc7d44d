package org.saferpartnerships.platform.audit;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

import org.saferpartnerships.platform.vocabulary.Term;

/**
 * The {@code audit_entry} table: entries appended, and found for platform admins. The database
 * refuses to change or delete an entry (migration V0_7); only retention's purge removes old ones.
 */
@ApplicationScoped
public class AuditLog {

    private static final String COLUMNS = """
            id, at, subject, username, agency_id, roles, platform_admin, action, record_type, record_ids,
            purpose, method, path, query, outcome, status""";

    private final AgroalDataSource dataSource;

    AuditLog(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Which entries a platform admin asks for, newest first, those older than {@code before} when paging. */
    public record Query(String subject, String agencyId, String recordType, String recordId, Instant from,
            Instant to, AuditOutcome outcome, Long before, int limit) {
    }

    /**
     * Appends an entry. In a transaction, the entry commits or rolls back with it: the JTA
     * transaction hands out the connection of the change.
     */
    void append(AuditEntry entry) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into audit_entry (subject, username, agency_id, roles, platform_admin, action,
                            record_type, record_ids, purpose, method, path, query, outcome, status)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, text(entry.subject()));
            insert.setString(2, text(entry.username()));
            insert.setString(3, text(entry.agencyId()));
            insert.setArray(4, connection.createArrayOf("text", entry.roles().toArray()));
            insert.setObject(5, entry.platformAdmin());
            insert.setString(6, text(entry.action()));
            insert.setString(7, text(entry.recordType()));
            insert.setArray(8, connection.createArrayOf("text", entry.recordIds().stream().map(AuditLog::text).toArray()));
            insert.setString(9, text(entry.purpose()));
            insert.setString(10, text(entry.method()));
            insert.setString(11, text(entry.path()));
            insert.setString(12, text(entry.query()));
            insert.setString(13, entry.outcome().slug());
            insert.setObject(14, entry.status());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not append to the audit trail", e);
        }
    }

    /**
     * PostgreSQL text holds no NUL character, and an attacker's path may: it is kept as U+FFFD, so
     * the attempt is still recorded rather than its entry refused.
     */
    private static String text(String value) {
        return value == null ? null : value.replace('\u0000', '\uFFFD');
    }

    /** One page of the entries matching every filter given, newest first. */
    public List<AuditEntry> find(Query query) {
        List<String> conditions = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        where(conditions, values, "subject = ?", query.subject());
        where(conditions, values, "agency_id = ?", query.agencyId());
        where(conditions, values, "record_type = ?", query.recordType());
        // Containment, so the GIN index on record_ids answers it.
        where(conditions, values, "record_ids @> array[?]::text[]", query.recordId());
        where(conditions, values, "at >= ?", query.from() == null ? null : Timestamp.from(query.from()));
        where(conditions, values, "at < ?", query.to() == null ? null : Timestamp.from(query.to()));
        where(conditions, values, "outcome = ?", Term.slugOf(query.outcome()));
        where(conditions, values, "id < ?", query.before());
        String sql = "select " + COLUMNS + " from audit_entry"
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by id desc limit ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            int index = 1;
            for (Object value : values) {
                select.setObject(index++, value);
            }
            select.setInt(index, query.limit());
            List<AuditEntry> found = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.add(new AuditEntry(row.getLong("id"), row.getTimestamp("at").toInstant(),
                            row.getString("subject"), row.getString("username"), row.getString("agency_id"),
                            strings(row.getArray("roles")), (Boolean) row.getObject("platform_admin"),
                            row.getString("action"), row.getString("record_type"), strings(row.getArray("record_ids")),
                            row.getString("purpose"), row.getString("method"), row.getString("path"),
                            row.getString("query"), Term.ofSlug(AuditOutcome.class, row.getString("outcome")).orElseThrow(),
                            (Integer) row.getObject("status")));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the audit trail", e);
        }
    }

    private static void where(List<String> conditions, List<Object> values, String condition, Object value) {
        if (value != null) {
            conditions.add(condition);
            values.add(value);
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? null : Arrays.asList((String[]) array.getArray());
    }
}
