package org.saferpartnerships.incident.totals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/**
 * How many incidents each partnership holds per month of occurrence, withdrawn ones left out: the
 * figures the reporting projections are reconciled against, as this service, which owns the
 * records, counts them.
 */
@ApplicationScoped
public class IncidentTotals {

    /** The incidents of one partnership that occurred in one month. */
    public record MonthTotal(String partnershipId, YearMonth month, long incidents) {
    }

    private final AgroalDataSource dataSource;

    IncidentTotals(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<MonthTotal> perPartnershipAndMonth() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        select partnership_id, occurred_month, count(*) from incident
                        where withdrawn_at is null
                        group by partnership_id, occurred_month
                        order by partnership_id, occurred_month""");
                ResultSet rows = query.executeQuery()) {
            List<MonthTotal> totals = new ArrayList<>();
            while (rows.next()) {
                totals.add(new MonthTotal(rows.getString(1), YearMonth.parse(rows.getString(2)), rows.getLong(3)));
            }
            return totals;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not total the incidents", e);
        }
    }
}
