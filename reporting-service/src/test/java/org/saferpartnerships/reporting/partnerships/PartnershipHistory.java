package org.saferpartnerships.reporting.partnerships;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.agroal.api.AgroalDataSource;

import org.saferpartnerships.platform.events.partnership.ActionUpdated;
import org.saferpartnerships.platform.events.partnership.AgencyChanged;
import org.saferpartnerships.platform.events.partnership.DomesticHomicideReviewChanged;
import org.saferpartnerships.platform.events.partnership.GovernanceBodyChanged;
import org.saferpartnerships.platform.events.partnership.MeetingRecorded;
import org.saferpartnerships.platform.events.partnership.MembershipChanged;
import org.saferpartnerships.platform.events.partnership.PartnershipEvent;
import org.saferpartnerships.platform.events.partnership.PriorityChanged;
import org.saferpartnerships.platform.events.partnership.RiskChanged;

/**
 * A partnership's records over 2019-2022 as partnership-service would publish them: every kind of
 * record a report prints, some changed, and some older versions delivered after newer ones.
 */
public final class PartnershipHistory {

    public final String partnership = "p-" + UUID.randomUUID();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    public final String police = "police-" + suffix;
    public final String council = "council-" + suffix;
    public final String charity = "charity-" + suffix;
    public final UUID rag = UUID.randomUUID();
    public final UUID jag = UUID.randomUUID();
    public final UUID priority = UUID.randomUUID();
    public final UUID crucialCrew = UUID.randomUUID();
    public final UUID knifeBins = UUID.randomUUID();
    public final UUID youthRisk = UUID.randomUUID();
    public final UUID fundingRisk = UUID.randomUUID();

    private PartnershipHistory() {
    }

    /** Publishes a new partnership's history and waits until all of it has been applied. */
    public static PartnershipHistory published(AgroalDataSource dataSource) {
        PartnershipHistory history = new PartnershipHistory();
        PartnershipEvents.publishAndAwait(dataSource, history.events());
        return history;
    }

    private List<PartnershipEvent> events() {
        String p = partnership;
        UUID councilChair = UUID.randomUUID();
        UUID policeUntil2021 = UUID.randomUUID();
        UUID policeFrom2021 = UUID.randomUUID();
        UUID charityViceChair = UUID.randomUUID();
        UUID juneMeeting = UUID.randomUUID();
        UUID closedRisk = UUID.randomUUID();
        UUID movedOnReview = UUID.randomUUID();
        MembershipChanged policeOpenEnded = new MembershipChanged(policeUntil2021, p, police, "vice-chair", true,
                day("2019-04-01"), null, 0);
        MeetingRecorded juneMeetingMisdated = new MeetingRecorded(juneMeeting, p, rag, day("2021-06-03"),
                List.of(police), List.of(), 0);
        ActionUpdated crucialCrewPlanned = new ActionUpdated(crucialCrew, p, 2021, priority, "Crucial Crew", council,
                day("2021-04-01"), day("2022-03-31"), "on-track",
                List.of(new ActionUpdated.Measure("pupils reached", "pupils", new BigDecimal("1500"), null)), null, 0);
        RiskChanged youthRiskRecorded = new RiskChanged(RiskChanged.Change.RECORDED, youthRisk, p, "R1",
                "Youth provision closes", 3, 2, 6, "low", null, null, null, false, 0);
        DomesticHomicideReviewChanged notified = new DomesticHomicideReviewChanged(movedOnReview, p, "notified", 0);
        AgencyChanged policeFirstName = new AgencyChanged(AgencyChanged.Change.REGISTERED, police,
                "Essex Constabulary", "police", true, 0);
        return List.of(
                policeFirstName,
                new AgencyChanged(AgencyChanged.Change.UPDATED, police, "Essex Police", "police", true, 1),
                policeFirstName,
                new AgencyChanged(AgencyChanged.Change.REGISTERED, council, "Rochford District Council",
                        "district-council", true, 0),
                new AgencyChanged(AgencyChanged.Change.REGISTERED, charity, "Safer Places", "voluntary-sector", false, 0),

                new MembershipChanged(councilChair, p, council, "chair", true, day("2019-04-01"), null, 0),
                policeOpenEnded,
                new MembershipChanged(policeUntil2021, p, police, "vice-chair", true, day("2019-04-01"),
                        day("2021-03-31"), 1),
                policeOpenEnded,
                new MembershipChanged(policeFrom2021, p, police, "member", true, day("2021-04-01"), null, 0),
                new MembershipChanged(charityViceChair, p, charity, "vice-chair", false, day("2021-04-01"), null, 0),

                new GovernanceBodyChanged(rag, p, "RAG", "responsible-authorities-group", "quarterly", 0),
                new GovernanceBodyChanged(rag, p, "Responsible Authorities Group", "responsible-authorities-group",
                        "quarterly", 1),
                new GovernanceBodyChanged(jag, p, "Joint Action Group", "joint-action-group", "monthly", 0),
                juneMeetingMisdated,
                new MeetingRecorded(juneMeeting, p, rag, day("2021-06-10"), List.of(police, council), List.of(), 1),
                juneMeetingMisdated,
                new MeetingRecorded(UUID.randomUUID(), p, rag, day("2021-09-09"), List.of(council), List.of(), 0),
                new MeetingRecorded(UUID.randomUUID(), p, rag, day("2022-04-07"), List.of(council), List.of(), 0),

                new PriorityChanged(PriorityChanged.Change.ADOPTED, priority, p, 2021, "Anti-social behaviour",
                        "anti-social-behaviour", "Reduce repeat victimisation", "adopted", rag, day("2021-03-18"),
                        null, null, 1),
                new PriorityChanged(PriorityChanged.Change.DRAFTED, UUID.randomUUID(), p, 2022, "Next year's",
                        "other", null, "drafted", null, null, null, null, 0),
                crucialCrewPlanned,
                new ActionUpdated(crucialCrew, p, 2021, priority, "Crucial Crew", council, day("2021-04-01"),
                        day("2022-03-31"), "at-risk",
                        List.of(new ActionUpdated.Measure("pupils reached", "pupils", new BigDecimal("1500"),
                                new BigDecimal("1210"))),
                        new ActionUpdated.Progress(day("2021-12-01"), "at-risk", "Two schools withdrew"), 1),
                crucialCrewPlanned,
                new ActionUpdated(knifeBins, p, 2021, null, "Knife bins", police, day("2021-05-01"),
                        day("2021-11-30"), "not-started", List.of(), null, 0),

                youthRiskRecorded,
                new RiskChanged(RiskChanged.Change.UPDATED, youthRisk, p, "R1", "Youth provision closes", 4, 3, 12,
                        "medium", "Bid to the PFCC's fund", "CSP manager", day("2022-01-31"), false, 1),
                youthRiskRecorded,
                new RiskChanged(RiskChanged.Change.RECORDED, fundingRisk, p, "R2", "Grant ends", 5, 4, 20, "high",
                        null, "Chair", null, false, 0),
                new RiskChanged(RiskChanged.Change.UPDATED, closedRisk, p, "R3", "Closed one", 1, 1, 1, "low", null,
                        null, null, true, 1),

                notified,
                new DomesticHomicideReviewChanged(movedOnReview, p, "under-review", 1),
                notified,
                new DomesticHomicideReviewChanged(UUID.randomUUID(), p, "notified", 0),
                new DomesticHomicideReviewChanged(UUID.randomUUID(), "other-" + p, "notified", 0));
    }

    static LocalDate day(String day) {
        return LocalDate.parse(day);
    }
}
