package org.saferpartnerships.incident.intake;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

import org.saferpartnerships.incident.Directory;
import org.saferpartnerships.platform.events.Topics;
import org.saferpartnerships.testing.identity.TestTokens;
import org.saferpartnerships.testing.kafka.TestKafka;

@QuarkusTest
class BatchIntakeTest {

    @Inject
    AgroalDataSource dataSource;

    private String partnership;
    private String district;
    private String police;

    @BeforeEach
    void aPartnershipWithThePoliceAsMember() {
        String[] created = Directory.partnership(dataSource);
        partnership = created[0];
        district = created[1];
        Directory.member(dataSource, "essex-police", partnership, "2019-04-01", null);
        police = TestTokens.agencySubmitter("essex-police", partnership);
    }

    private String incident(String ref, String category) {
        return """
                {"externalRef": "%s", "category": "%s", "occurredMonth": "2018-03", "districtCode": "%s"}"""
                .formatted(ref, category, district);
    }

    @Test
    void validItemsAreStoredAndEachInvalidOneIsReportedWithItsIndex() throws SQLException {
        String prefix = "B-" + UUID.randomUUID() + "-";
        jsonWithToken(police).body(incident(prefix + "old", "drugs"))
                .when().post("/api/v1/incidents").then().statusCode(201);
        String batch = "[" + String.join(",",
                incident(prefix + "1", "burglary"),
                incident(prefix + "2", "jaywalking"),
                incident(prefix + "old", "drugs"),
                "{\"externalRef\": \"" + prefix + "3\", \"category\": \"drugs\", \"occurredMonth\": \"2018-03\", "
                        + "\"districtCode\": \"" + district + "\", \"victimName\": \"Jane\"}",
                incident(prefix + "1", "burglary"),
                incident(prefix + "4", "robbery")) + "]";

        jsonWithToken(police).body(batch)
                .when().post("/api/v1/incidents/batch")
                .then().statusCode(200)
                .body("created", equalTo(2)).body("unchanged", equalTo(2)).body("rejected", equalTo(2))
                .body("items.result", contains("created", "rejected", "unchanged", "rejected", "unchanged", "created"))
                .body("items[1].reasons[0]", containsString("category"))
                .body("items[3].reasons[0]", containsString("victimName"));

        assertThat(Directory.count(dataSource, "select count(*) from incident where external_ref like ?",
                prefix + "%"), equalTo(3L));
        // Posted by the agency itself: not open data.
        assertThat(Directory.count(dataSource, "select count(*) from incident where external_ref like ? "
                + "and publication is null", prefix + "%"), equalTo(3L));
        TestKafka.awaitRecords(Topics.INCIDENT_EVENTS, r -> r.value().contains(prefix + "4"), Duration.ofSeconds(20));
    }

    @Test
    void aBatchHoldsAtMostFiveThousand() {
        List<String> items = new ArrayList<>();
        for (int i = 0; i <= IncidentIntakeResource.MAX_BATCH; i++) {
            items.add("{}");
        }
        jsonWithToken(police).body("[" + String.join(",", items) + "]")
                .when().post("/api/v1/incidents/batch")
                .then().statusCode(400).body("detail", containsString("5000"));
        jsonWithToken(police).body("{\"externalRef\": \"x\"}")
                .when().post("/api/v1/incidents/batch")
                .then().statusCode(400).body("detail", containsString("array"));
    }

    @Test
    void incidentsForAPartnershipTheAgencyIsNotInAreRejectedOneByOne() {
        String[] other = Directory.partnership(dataSource);
        jsonWithToken(police)
                .body("[" + incident("C-" + UUID.randomUUID(), "drugs") + ", "
                        + incident("C-" + UUID.randomUUID(), "drugs").replace(district, other[1]) + "]")
                .when().post("/api/v1/incidents/batch")
                .then().statusCode(200)
                .body("items.result", contains("created", "rejected"))
                .body("items[1].reasons", hasItem(containsString("may not post")));
    }
}
