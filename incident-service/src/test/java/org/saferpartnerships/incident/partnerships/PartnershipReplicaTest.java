package org.saferpartnerships.incident.partnerships;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import org.saferpartnerships.incident.Directory;
import org.saferpartnerships.testing.identity.TestTokens;

@QuarkusTest
class PartnershipReplicaTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PartnershipReplica replica;

    /**
     * A district moved from one partnership to another: the old holder released it, then the new
     * one claimed it. Their events travel on different partitions, so a replay may bring the new
     * holder's whole history first and the old holder's after it.
     */
    @Test
    void aMovedDistrictStaysWithItsNewPartnershipWhicheverPartnershipsEventsArriveFirst() {
        String moved = Directory.freeDistrict();
        String kept = Directory.freeDistrict();
        String released = Directory.freeDistrict();
        String oldHolder = "csp-" + UUID.randomUUID().toString().substring(0, 8);
        String newHolder = "csp-" + UUID.randomUUID().toString().substring(0, 8);
        Instant start = Instant.now().minus(1, ChronoUnit.DAYS);

        Directory.partnershipChanged(dataSource, newHolder, 0, start.plusSeconds(1), kept);
        Directory.partnershipChanged(dataSource, newHolder, 1, start.plusSeconds(3), kept, moved);
        assertThat(covering(moved), equalTo(Optional.of(newHolder)));

        Directory.partnershipChanged(dataSource, oldHolder, 0, start, moved, released);
        assertThat(covering(moved), equalTo(Optional.of(newHolder)));
        Directory.partnershipChanged(dataSource, oldHolder, 1, start.plusSeconds(2), released);
        assertThat(covering(moved), equalTo(Optional.of(newHolder)));
        assertThat(covering(released), equalTo(Optional.of(oldHolder)));

        Directory.member(dataSource, "essex-police", newHolder, "2019-04-01", null);
        jsonWithToken(TestTokens.agencySubmitter("essex-police", newHolder))
                .body("""
                        {"externalRef": "MOVED-1", "category": "drugs", "occurredOn": "2024-06-01",
                         "districtCode": "%s"}""".formatted(moved))
                .when().post("/api/v1/incidents")
                .then().statusCode(201).body("partnershipId", equalTo(newHolder));
    }

    /**
     * A partnership registered before its district was reorganised (Taunton Deane, part of Somerset
     * West and Taunton from 2019, of Somerset from 2023): incidents are placed in today's district, so
     * the partnership holds that.
     */
    @Test
    void aPartnershipNamingADistrictAbolishedSinceHoldsTheDistrictThatCarriesItOn() {
        String partnership = "csp-" + UUID.randomUUID().toString().substring(0, 8);
        Directory.partnershipChanged(dataSource, partnership, 0, Instant.now(), "E07000190");
        assertThat(covering("E06000066"), equalTo(Optional.of(partnership)));
        assertThat(covering("E07000190"), equalTo(Optional.empty()));

        Directory.member(dataSource, "essex-police", partnership, "2017-04-01", null);
        jsonWithToken(TestTokens.agencySubmitter("essex-police", partnership))
                .body("""
                        {"externalRef": "SOMERSET-1", "category": "drugs", "occurredOn": "2024-06-01",
                         "districtCode": "E06000066"}""")
                .when().post("/api/v1/incidents")
                .then().statusCode(201).body("partnershipId", equalTo(partnership));
    }

    private Optional<String> covering(String district) {
        return QuarkusTransaction.requiringNew().call(() -> replica.covering(district));
    }
}
