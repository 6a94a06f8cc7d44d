package org.saferpartnerships.funding;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.agroal.api.AgroalDataSource;

import org.saferpartnerships.platform.events.partnership.MeetingRecorded;
import org.saferpartnerships.platform.events.partnership.PartnershipChanged;
import org.saferpartnerships.platform.events.partnership.PriorityChanged;
import org.saferpartnerships.testing.kafka.TestKafka;

/**
 * Puts partnerships, priorities and meetings into funding-service the way production does: as
 * partnership-service's events on partnership.events, then waits until the replica has them.
 */
public final class Partnerships {

    private Partnerships() {
    }

    /** A new partnership; returns its id. */
    public static String partnership(AgroalDataSource dataSource) {
        String id = "csp-" + UUID.randomUUID().toString().substring(0, 8);
        TestKafka.publish(new PartnershipChanged(PartnershipChanged.Change.REGISTERED, id, "Partnership " + id,
                List.of(), null, null, null, 0), "/partnership-service", Instant.now());
        awaitRow(dataSource, "select count(*) from partnership_replica where id = ?", id);
        return id;
    }

    public static UUID priority(AgroalDataSource dataSource, String partnershipId, int financialYear) {
        UUID id = UUID.randomUUID();
        TestKafka.publish(new PriorityChanged(PriorityChanged.Change.DRAFTED, id, partnershipId, financialYear,
                "Reduce anti-social behaviour", "anti-social-behaviour", null, "draft", null, null, null, null, 0),
                "/partnership-service", Instant.now());
        awaitRow(dataSource, "select count(*) from priority_replica where id = cast(? as uuid)", id.toString());
        return id;
    }

    public static UUID meeting(AgroalDataSource dataSource, String partnershipId, LocalDate heldOn) {
        UUID id = UUID.randomUUID();
        TestKafka.publish(new MeetingRecorded(id, partnershipId, UUID.randomUUID(), heldOn, List.of(), List.of(), 0),
                "/partnership-service", Instant.now());
        awaitRow(dataSource, "select count(*) from meeting_replica where id = cast(? as uuid)", id.toString());
        return id;
    }

    private static void awaitRow(AgroalDataSource dataSource, String sql, String parameter) {
        await().atMost(Duration.ofSeconds(30)).until(() -> count(dataSource, sql, parameter) == 1);
    }

    public static long count(AgroalDataSource dataSource, String sql, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
