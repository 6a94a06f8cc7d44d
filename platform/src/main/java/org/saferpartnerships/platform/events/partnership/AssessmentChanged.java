package org.saferpartnerships.platform.events.partnership;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A strategic assessment was drafted or changed ({@code assessment.drafted.v1}) or finalised
 * ({@code assessment.finalised.v1}); carries the ranked candidate issues with their scores.
 */
public record AssessmentChanged(@JsonIgnore Change change, UUID assessmentId, String partnershipId,
        LocalDate periodStart, LocalDate periodEnd, String status, List<RankedIssue> ranking, long version)
        implements PartnershipEvent {

    public record RankedIssue(int rank, UUID issueId, String title, String theme, int score) {
    }

    public enum Change {
        DRAFTED("assessment.drafted.v1"),
        FINALISED("assessment.finalised.v1");

        public final String type;

        Change(String type) {
            this.type = type;
        }
    }

    @Override
    public String eventType() {
        return change.type;
    }

    @Override
    public String subject() {
        return assessmentId.toString();
    }
}
