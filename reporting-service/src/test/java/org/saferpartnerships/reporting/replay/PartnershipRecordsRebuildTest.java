package org.saferpartnerships.reporting.replay;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.reporting.partnerships.PartnershipHistory;
import org.saferpartnerships.reporting.partnerships.PartnershipRecords;
import org.saferpartnerships.testing.identity.TestTokens;

/** The records reports print are rebuilt from partnership.events with the other projections, to the same answers. */
@QuarkusTest
class PartnershipRecordsRebuildTest {

    private static final LocalDate YEAR_START = LocalDate.parse("2021-04-01");
    private static final LocalDate YEAR_END = LocalDate.parse("2022-03-31");

    @Inject
    PartnershipRecords records;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRebuildEndsWithTheSameRecords() {
        PartnershipHistory history = PartnershipHistory.published(dataSource);
        List<Object> before = answers(history.partnership);

        withToken(TestTokens.withRole(Roles.PLATFORM_ADMIN)).post("/api/v1/admin/projections/rebuild")
                .then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> withToken(TestTokens.withRole(Roles.PLATFORM_ADMIN))
                .get("/api/v1/admin/projections").then().statusCode(200).extract().path("status"), equalTo("current"));

        assertThat(answers(history.partnership), equalTo(before));
    }

    private List<Object> answers(String partnership) {
        return List.of(records.membersOn(partnership, YEAR_END),
                records.bodiesWithMeetings(partnership, YEAR_START, YEAR_END), records.priorities(partnership, 2021),
                records.actionsOutsidePriorities(partnership, 2021), records.risks(partnership),
                records.dhrCountsByStatus(partnership));
    }
}
