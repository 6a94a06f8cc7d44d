package org.saferpartnerships.partnership.assessments;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.saferpartnerships.partnership.common.Theme;

/** The scoring matrix on an assessment held in memory; AssessmentResourceTest covers storing and announcing it. */
class StrategicAssessmentScoringTest {

    @Test
    void anIssueScoresTheWeightedSumOfItsScoresOutOfFiveTimesTheWeights() {
        StrategicAssessment assessment = new StrategicAssessment();
        assessment.criteria = AssessmentInput.DEFAULT_CRITERIA;
        // The example in AssessmentInput: harm 3x3 + volume 2x5 + trend 1x4 + public concern 1x5 + vulnerability 2x2.
        AssessmentInput.CandidateIssue townCentreAsb = issue("Anti-social behaviour in the town centre",
                Map.of("harm", 3, "volume", 5, "trend", 4, "public concern", 5, "vulnerability", 2));
        assessment.issues = List.of(townCentreAsb);

        assertThat(assessment.score(townCentreAsb), equalTo(32));
        assertThat(assessment.ranking().get(0).score(), equalTo(32));
        assertThat(assessment.ranking().get(0).maximum(), equalTo(45));
        assertThat(assessment.ranking().get(0).theme(), equalTo("anti-social-behaviour"));
    }

    @Test
    void equalScoresShareARankAndTheNextIssueIsRankedByItsPlace() {
        StrategicAssessment assessment = new StrategicAssessment();
        assessment.criteria = List.of(new AssessmentInput.Criterion("harm", 2), new AssessmentInput.Criterion("volume",
                1));
        assessment.issues = List.of(issue("Shoplifting", Map.of("harm", 1, "volume", 5)),
                issue("Domestic abuse", Map.of("harm", 5, "volume", 3)),
                issue("Drug dealing", Map.of("harm", 3, "volume", 1)),
                issue("Burglary", Map.of("harm", 2, "volume", 3)),
                issue("Hate crime", Map.of("harm", 1, "volume", 1)));

        List<StrategicAssessment.RankedIssue> ranking = assessment.ranking();

        assertThat(ranking.stream().map(StrategicAssessment.RankedIssue::title).toList(),
                contains("Domestic abuse", "Burglary", "Drug dealing", "Shoplifting", "Hate crime"));
        assertThat(ranking.stream().map(StrategicAssessment.RankedIssue::score).toList(), contains(13, 7, 7, 7, 3));
        // Three issues tie for second, so the next one is fifth, not third.
        assertThat(ranking.stream().map(StrategicAssessment.RankedIssue::rank).toList(), contains(1, 2, 2, 2, 5));
        assertThat(ranking.stream().map(StrategicAssessment.RankedIssue::maximum).toList(), everyItem(equalTo(15)));
    }

    private static AssessmentInput.CandidateIssue issue(String title, Map<String, Integer> scores) {
        return new AssessmentInput.CandidateIssue(UUID.randomUUID(), title, Theme.ANTI_SOCIAL_BEHAVIOUR, scores);
    }
}
