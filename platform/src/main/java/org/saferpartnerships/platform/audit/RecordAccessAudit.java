package org.saferpartnerships.platform.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;

import org.saferpartnerships.platform.identity.Caller;

/**
 * The trail of who read record-level data: who, when, what they asked, how many records they got.
 * Written in its own transaction, so a read is audited even when nothing else is written.
 */
@ApplicationScoped
public class RecordAccessAudit {

    private final AgroalDataSource dataSource;
    private final Caller caller;

    RecordAccessAudit(AgroalDataSource dataSource, Caller caller) {
        this.dataSource = dataSource;
        this.caller = caller;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void read(String what, String query, int records) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into record_access_audit (at, caller, agency_id, action, query, record_count)
                        values (now(), ?, ?, ?, ?, ?)""")) {
            insert.setString(1, caller.name());
            insert.setString(2, caller.agencyId().orElse(null));
            insert.setString(3, "read " + what);
            insert.setString(4, query);
            insert.setInt(5, records);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not audit a read of " + what, e);
        }
    }
}
