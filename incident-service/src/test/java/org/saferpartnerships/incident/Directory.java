package org.saferpartnerships.incident;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.agroal.api.AgroalDataSource;

import org.saferpartnerships.platform.events.Topics;
import org.saferpartnerships.platform.geography.LocalAuthorityDistricts;
import org.saferpartnerships.testing.kafka.TestKafka;

/**
 * Puts partnerships and memberships into incident-service the way production does: as
 * partnership-service's events on partnership.events, then waits until the replica has them.
 */
public final class Directory {

    /** From the end of the ONS list (London boroughs first), away from the Essex districts the import tests use. */
    private static final Iterator<String> FREE_DISTRICTS = newestFirst();

    private static Iterator<String> newestFirst() {
        List<String> codes = new ArrayList<>(LocalAuthorityDistricts.all().keySet());
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
        String list = String.join(", ", List.of(districts).stream().map(d -> "\"" + d + "\"").toList());
        TestKafka.send(Topics.PARTNERSHIP_EVENTS, id, """
                {"partnershipId": "%s", "name": "Partnership %s", "districts": [%s], "version": %d}"""
                .formatted(id, id, list, version), Map.of(
                        "ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                        "ce_type", version == 0 ? "partnership.registered.v1" : "partnership.updated.v1",
                        "ce_source", "/partnership-service", "ce_subject", id, "ce_time", changedAt.toString(),
                        "content-type", "application/json"));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(dataSource,
                "select count(*) from partnership_replica where id = ? and version = " + version, id) == 1);
    }

    public static void member(AgroalDataSource dataSource, String agency, String partnership, String from,
            String until) {
        String membership = UUID.randomUUID().toString();
        send("membership.changed.v1", partnership, membership, """
                {"membershipId": "%s", "partnershipId": "%s", "agencyId": "%s", "role": "member", "statutory": true,
                 "from": "%s", "until": %s, "version": 0}"""
                .formatted(membership, partnership, agency, from, until == null ? "null" : "\"" + until + "\""));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(dataSource,
                "select count(*) from membership_replica where id = cast(? as uuid)", membership) == 1);
    }

    private static void send(String type, String key, String subject, String data) {
        TestKafka.send(Topics.PARTNERSHIP_EVENTS, key, data, Map.of(
                "ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", type,
                "ce_source", "/partnership-service", "ce_subject", subject, "content-type", "application/json"));
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
