package org.saferpartnerships.reporting.partnerships;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.saferpartnerships.reporting.partnerships.PartnershipHistory.day;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

import org.saferpartnerships.reporting.partnerships.PartnershipRecords.Action;
import org.saferpartnerships.reporting.partnerships.PartnershipRecords.BodyMeetings;
import org.saferpartnerships.reporting.partnerships.PartnershipRecords.Meeting;
import org.saferpartnerships.reporting.partnerships.PartnershipRecords.Measure;
import org.saferpartnerships.reporting.partnerships.PartnershipRecords.Member;
import org.saferpartnerships.reporting.partnerships.PartnershipRecords.Priority;
import org.saferpartnerships.reporting.partnerships.PartnershipRecords.Progress;
import org.saferpartnerships.reporting.partnerships.PartnershipRecords.ReviewCount;
import org.saferpartnerships.reporting.partnerships.PartnershipRecords.Risk;

/** What a report prints about a partnership, from partnership events alone; older versions change nothing. */
@QuarkusTest
class PartnershipRecordsTest {

    @Inject
    PartnershipRecords records;

    @Inject
    AgroalDataSource dataSource;

    private PartnershipHistory history;

    @BeforeEach
    void publishTheHistory() {
        history = PartnershipHistory.published(dataSource);
    }

    @Test
    void membersOnADayAreNamedAndSplitIntoStatutoryAndNotWithTheChairAndViceChair() {
        Member council = new Member(history.council, "Rochford District Council", "district-council", "chair", true,
                day("2019-04-01"), null);
        Member policeUntil2021 = new Member(history.police, "Essex Police", "police", "vice-chair", true,
                day("2019-04-01"), day("2021-03-31"));
        Member policeFrom2021 = new Member(history.police, "Essex Police", "police", "member", true,
                day("2021-04-01"), null);
        Member charity = new Member(history.charity, "Safer Places", "voluntary-sector", "vice-chair", false,
                day("2021-04-01"), null);

        PartnershipRecords.Members yearEnd = records.membersOn(history.partnership, day("2022-03-31"));
        assertThat(yearEnd.statutory(), contains(policeFrom2021, council));
        assertThat(yearEnd.nonStatutory(), contains(charity));
        assertThat(yearEnd.chairs(), contains(council));
        assertThat(yearEnd.viceChairs(), contains(charity));

        PartnershipRecords.Members lastDayOfThePoliceViceChair = records.membersOn(history.partnership,
                day("2021-03-31"));
        assertThat(lastDayOfThePoliceViceChair.statutory(), contains(policeUntil2021, council));
        assertThat(lastDayOfThePoliceViceChair.nonStatutory(), empty());
        assertThat(lastDayOfThePoliceViceChair.viceChairs(), contains(policeUntil2021));
        assertThat(records.membersOn(history.partnership, day("2019-03-31")).statutory(), empty());
    }

    @Test
    void eachBodyCountsItsMeetingsInThePeriod() {
        assertThat(records.bodiesWithMeetings(history.partnership, day("2021-04-01"), day("2022-03-31")), contains(
                new BodyMeetings(history.jag, "Joint Action Group", "joint-action-group", "monthly", 0, List.of()),
                new BodyMeetings(history.rag, "Responsible Authorities Group", "responsible-authorities-group",
                        "quarterly", 2, List.of(new Meeting(day("2021-06-10"), List.of(history.police, history.council)),
                                new Meeting(day("2021-09-09"), List.of(history.council))))));
    }

    @Test
    void theYearsPrioritiesCarryTheirActionsWithOwnerLatestProgressAndMeasures() {
        Action crucialCrew = new Action(history.crucialCrew, "Crucial Crew", history.council,
                "Rochford District Council", day("2021-04-01"), day("2022-03-31"), "at-risk",
                new Progress(day("2021-12-01"), "at-risk", "Two schools withdrew"),
                List.of(new Measure("pupils reached", "pupils", new BigDecimal("1500"), new BigDecimal("1210"))));
        assertThat(records.priorities(history.partnership, 2021), contains(new Priority(history.priority,
                "Anti-social behaviour", "anti-social-behaviour", "Reduce repeat victimisation", "adopted",
                "Responsible Authorities Group", day("2021-03-18"), List.of(crucialCrew))));

        assertThat(records.actionsOutsidePriorities(history.partnership, 2021), contains(new Action(history.knifeBins,
                "Knife bins", history.police, "Essex Police", day("2021-05-01"), day("2021-11-30"), "not-started",
                null, List.of())));
    }

    @Test
    void theRegisterHoldsTheOpenRisksHighestScoreFirst() {
        assertThat(records.risks(history.partnership), contains(
                new Risk(history.fundingRisk, "R2", "Grant ends", 5, 4, 20, "high", "Chair", null, null),
                new Risk(history.youthRisk, "R1", "Youth provision closes", 4, 3, 12, "medium", "CSP manager",
                        "Bid to the PFCC's fund", day("2022-01-31"))));
    }

    @Test
    void domesticHomicideReviewsAreCountedByTheStatusTheyAreAtNow() {
        assertThat(records.dhrCountsByStatus(history.partnership),
                equalTo(List.of(new ReviewCount("notified", 1), new ReviewCount("under-review", 1))));
    }

    @Test
    void aPartnershipNoEventHasNamedHasNoRecords() {
        String unknown = "p-unknown";
        LocalDate day = day("2021-06-30");
        assertThat(records.membersOn(unknown, day).statutory(), empty());
        assertThat(records.bodiesWithMeetings(unknown, day, day), empty());
        assertThat(records.priorities(unknown, 2021), empty());
        assertThat(records.risks(unknown), empty());
        assertThat(records.dhrCountsByStatus(unknown), empty());
    }
}
