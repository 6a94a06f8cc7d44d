package org.saferpartnerships.platform.export;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.saferpartnerships.platform.calendar.BusinessCalendar;
import org.saferpartnerships.platform.identity.Caller;

/**
 * A daily quota of records per caller (OWASP API6: mass export of criminal-offence data is the
 * flow to guard). Resources that answer records call {@link #take} with the records about to
 * leave; the caller's count for the day is kept in the service's database, so every instance
 * grants from the same quota. A request that finds the quota used up is refused before its records
 * leave, and is not counted; the answer that crosses the quota is still given whole, so a caller
 * may end a day at most one page past it.
 */
@ApplicationScoped
public class ExportQuota {

    /** A day's counts are kept a while past the day, for who-took-how-much questions after an incident. */
    public static final Duration KEPT = Duration.ofDays(31);

    private final AgroalDataSource dataSource;
    private final ExportQuotaConfig config;
    private final BusinessCalendar calendar;
    private final Counter refused;

    ExportQuota(AgroalDataSource dataSource, ExportQuotaConfig config, BusinessCalendar calendar,
            MeterRegistry meters) {
        this.dataSource = dataSource;
        this.config = config;
        this.calendar = calendar;
        this.refused = Counter.builder("csp.export.quota.refused")
                .description("Requests refused 429 because their caller had its records for the day").register(meters);
    }

    /**
     * Counts {@code records} against the caller's quota for today.
     *
     * @throws ExportQuotaExceededException when the caller had its quota already; nothing is counted
     */
    public void take(Caller caller, long records) {
        String subject = caller.subject().orElseThrow(() -> new IllegalStateException("an export needs a caller"));
        LocalDate today = calendar.today();
        // Counted only while under the quota: the update's condition refuses in the same statement.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement("""
                        insert into export_allowance (subject, day, records) values (?, ?, ?)
                        on conflict (subject, day) do update set records = export_allowance.records + excluded.records
                        where export_allowance.records < ?
                        returning records""")) {
            count.setString(1, subject);
            count.setDate(2, Date.valueOf(today));
            count.setLong(3, records);
            count.setLong(4, config.recordsPerDay());
            try (ResultSet counted = count.executeQuery()) {
                if (counted.next()) {
                    return;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count an export against its quota", e);
        }
        refused.increment();
        ZonedDateTime renewal = today.plusDays(1).atStartOfDay(BusinessCalendar.ZONE);
        throw new ExportQuotaExceededException("This caller has had its " + config.recordsPerDay()
                + " records for today; the quota renews at midnight, Europe/London",
                Duration.between(calendar.getClock().instant(), renewal.toInstant()));
    }
}
