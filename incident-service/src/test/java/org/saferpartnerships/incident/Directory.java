package org.saferpartnerships.incident;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

import io.agroal.api.AgroalDataSource;

import org.saferpartnerships.platform.events.partnership.MembershipChanged;
import org.saferpartnerships.platform.events.partnership.PartnershipChanged;
import org.saferpartnerships.platform.geography.District;
import org.saferpartnerships.platform.geography.LocalAuthorityDistricts;
import org.saferpartnerships.testing.kafka.TestKafka;

/**
 * Puts partnerships and memberships into incident-service the way production does: as
 * partnership-service's events on partnership.events, then waits until the replica has them.
 */
public final class Directory {

    /**
     * Current districts from the end of the ONS lists (Welsh principal areas and London boroughs first),
     * away from the Essex, Suffolk and Northamptonshire districts the import tests use.
     */
    private static final Iterator<String> FREE_DISTRICTS = newestFirst();

    private static Iterator<String> newestFirst() {
        List<String> codes = new ArrayList<>(LocalAuthorityDistricts.current().stream().map(District::code).toList());
        Collections.reverse(codes);
        return codes.iterator();
    }

    private Directory() {
    }

    /** A partnership over one unused district; returns {id, district}. */
    public static String[] partnership(AgroalDataSource dataSource) {
        String id = "csp-" + UUID.randomUUID().toString().substring(0, 8);
        String district = freeDistrict();
        partnership(dataSource, id, district);
        return new String[] { id, district };
    }

    public static synchronized String freeDistrict() {
        return FREE_DISTRICTS.next();
    }

    public static void partnership(AgroalDataSource dataSource, String id, String... districts) {
        partnershipChanged(dataSource, id, 0, Instant.now(), districts);
    }

    /** A partnership's change as partnership-service made it at {@code changedAt}; waits until the replica has it. */
    public static void partnershipChanged(AgroalDataSource dataSource, String id, long version, Instant changedAt,
            String... districts) {
        TestKafka.publish(new PartnershipChanged(version == 0 ? PartnershipChanged.Change.REGISTERED
                : PartnershipChanged.Change.UPDATED, id, "Partnership " + id, List.of(districts), null, null, null,
                version), "/partnership-service", changedAt);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(dataSource,
                "select count(*) from partnership_replica where id = ? and version = " + version, id) == 1);
    }

    public static void member(AgroalDataSource dataSource, String agency, String partnership, String from,
            String until) {
        String membership = UUID.randomUUID().toString();
        TestKafka.publish(new MembershipChanged(UUID.fromString(membership), partnership, agency, "member", true,
                LocalDate.parse(from), until == null ? null : LocalDate.parse(until), 0), "/partnership-service",
                Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> count(dataSource,
                "select count(*) from membership_replica where id = cast(? as uuid)", membership) == 1);
    }

    /**
     * How many events have ever been appended to the outbox: the relay deletes what it published,
     * so rows come and go, but the identity that numbers them only moves forward.
     */
    public static long eventsAppended(AgroalDataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select case when is_called then last_value else 0 end from outbox_event_id_seq");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
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
