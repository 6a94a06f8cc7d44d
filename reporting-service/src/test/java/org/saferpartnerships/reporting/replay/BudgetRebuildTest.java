package org.saferpartnerships.reporting.replay;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.saferpartnerships.testing.api.Requests.withToken;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;

import org.saferpartnerships.platform.events.funding.AllocationMade;
import org.saferpartnerships.platform.events.funding.InitiativeChanged;
import org.saferpartnerships.platform.events.funding.SpendRecorded;
import org.saferpartnerships.platform.funding.BudgetLine;
import org.saferpartnerships.platform.identity.Roles;
import org.saferpartnerships.reporting.budget.BudgetProjection;
import org.saferpartnerships.reporting.budget.FundingEvents;
import org.saferpartnerships.testing.identity.TestTokens;

/** The budget tables are rebuilt from funding.events beside the live ones, like every projection. */
@QuarkusTest
class BudgetRebuildTest {

    private static final int YEAR = 2024;

    @Inject
    ProjectionRebuild rebuild;

    @Inject
    PendingReplays replays;

    @Inject
    Scheduler scheduler;

    @Inject
    BudgetProjection budget;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRebuildReplaysFundingEventsIntoTheNextGenerationWhileTheLiveBudgetStandsStill() throws Exception {
        String p = "p-" + UUID.randomUUID();
        UUID stream = UUID.randomUUID();
        UUID initiative = UUID.randomUUID();
        FundingEvents.publish(
                new AllocationMade(AllocationMade.Change.MADE, UUID.randomUUID(), p, "pfcc-essex", stream, YEAR,
                        pounds("1000.00"), pounds("0.00"), pounds("1000.00"), LocalDate.of(2024, 4, 1), "CSF-1",
                        "Grant", 1),
                new InitiativeChanged(InitiativeChanged.Change.APPROVED, initiative, p, stream, YEAR, "Patrols", null,
                        UUID.randomUUID(), pounds("600.00"), false, LocalDate.of(2024, 6, 1), null, "approved", 1),
                spend(initiative, p, stream, "250.00"));
        BudgetLine before = new BudgetLine(pounds("1000.00"), pounds("0.00"), pounds("1000.00"), pounds("0.00"),
                pounds("1000.00"), pounds("600.00"), pounds("250.00"), pounds("750.00"), pounds("600.00"),
                pounds("400.00"), pounds("0.00"), false);
        await().atMost(Duration.ofSeconds(30)).until(() -> budget.positionOf(p, YEAR).total(), equalTo(before));

        // As in ProjectionRebuildTest: the rewinding paused, the rebuild's transaction alone.
        scheduler.pause(PendingReplays.REWIND_JOB);
        replays.rewindAssignedPartitions();
        try {
            rebuild.startReplay();
            FundingEvents.publish(spend(initiative, p, stream, "50.00"));
            await().atMost(Duration.ofSeconds(30)).until(() -> spendLinesOfNextGeneration(p, "50.00"), equalTo(1L));
            assertThat(budget.positionOf(p, YEAR).total(), equalTo(before));
        } finally {
            scheduler.resume(PendingReplays.REWIND_JOB);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> withToken(TestTokens.withRole(Roles.PLATFORM_ADMIN))
                .get("/api/v1/admin/projections").then().statusCode(200).extract().path("status"), equalTo("current"));
        assertThat(budget.positionOf(p, YEAR).total(), equalTo(new BudgetLine(pounds("1000.00"), pounds("0.00"),
                pounds("1000.00"), pounds("0.00"), pounds("1000.00"), pounds("600.00"), pounds("300.00"),
                pounds("700.00"), pounds("600.00"), pounds("400.00"), pounds("0.00"), false)));
    }

    private long spendLinesOfNextGeneration(String partnership, String amount) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement("select count(*) "
                        + "from projection_next.budget_spend_line where partnership_id = ? and amount = ?")) {
            count.setString(1, partnership);
            count.setBigDecimal(2, new BigDecimal(amount));
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static SpendRecorded spend(UUID initiative, String p, UUID stream, String amount) {
        return new SpendRecorded(SpendRecorded.Change.RECORDED, UUID.randomUUID(), initiative, p, stream, YEAR,
                LocalDate.of(2024, 8, 1), pounds(amount), "Invoice", null);
    }

    private static BigDecimal pounds(String amount) {
        return new BigDecimal(amount);
    }
}
