package org.saferpartnerships.incident.intake;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.saferpartnerships.testing.api.Requests.jsonWithToken;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.saferpartnerships.incident.Directory;
import org.saferpartnerships.platform.calendar.BusinessCalendar;
import org.saferpartnerships.testing.identity.TestTokens;

/**
 * At 00:30 on 1 July in London it is still 30 June in UTC: an incident of today, from an agency
 * whose membership starts today, is taken, by the date rule and the membership rule alike.
 */
@QuarkusTest
class BritishSummerTimeTest {

    /** 00:30 British Summer Time on 1 July 2024. */
    private static final Instant HALF_PAST_MIDNIGHT = Instant.parse("2024-06-30T23:30:00Z");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ValidatorFactory validators;

    @BeforeEach
    void itIsHalfPastMidnightOnTheFirstOfJulyInLondon() {
        QuarkusMock.installMockForType(BusinessCalendar.at(Clock.fixed(HALF_PAST_MIDNIGHT, ZoneOffset.UTC)),
                BusinessCalendar.class);
    }

    @Test
    void anIncidentOfTodayIsTakenThoughUtcIsStillOnYesterday() {
        String[] created = Directory.partnership(dataSource);
        Directory.member(dataSource, "essex-police", created[0], "2024-07-01", null);
        post(created, "2024-07-01").then().statusCode(201);
    }

    @Test
    void datesAreValidatedByTheBusinessCalendar() {
        // @PastOrPresent asks Hibernate Validator's clock provider, not the machine's zone.
        assertThat(validators.getClockProvider(), instanceOf(BusinessCalendar.class));
        assertThat(validators.getClockProvider().getClock().getZone(), equalTo(BusinessCalendar.ZONE));
    }

    @Test
    void aMembershipStartingTodayInLondonCounts() {
        String[] today = Directory.partnership(dataSource);
        Directory.member(dataSource, "essex-police", today[0], "2024-07-01", null);
        post(today, "2024-06-30").then().statusCode(201);

        String[] tomorrow = Directory.partnership(dataSource);
        Directory.member(dataSource, "essex-police", tomorrow[0], "2024-07-02", null);
        post(tomorrow, "2024-06-30").then().statusCode(403).body("detail", containsString("current member"));
    }

    private static Response post(String[] partnership, String occurredOn) {
        return jsonWithToken(TestTokens.agencySubmitter("essex-police", partnership[0])).body("""
                {"externalRef": "BST-%s", "partnershipId": "%s", "category": "burglary", "occurredOn": "%s",
                 "districtCode": "%s"}""".formatted(UUID.randomUUID(), partnership[0], occurredOn, partnership[1]))
                .post("/api/v1/incidents");
    }
}
