package org.saferpartnerships.partnership.assessments;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.fasterxml.jackson.annotation.JsonValue;

import org.saferpartnerships.partnership.common.PartnershipRecord;

import org.saferpartnerships.platform.vocabulary.Term;

/**
 * The yearly Strategic Assessment of Crime: candidate issues scored on a weighted matrix, ranked,
 * and once finalised read-only — it is the evidence the year's priorities were chosen from.
 */
@Entity
@Table(name = "strategic_assessment")
public class StrategicAssessment extends PartnershipRecord {

    public enum Status implements Term {
        DRAFT("draft", "Draft"),
        FINALISED("finalised", "Finalised");

        private final String slug;
        private final String displayName;

        Status(String slug, String displayName) {
            this.slug = slug;
            this.displayName = displayName;
        }

        @JsonValue
        @Override
        public String slug() {
            return slug;
        }

        @Override
        public String displayName() {
            return displayName;
        }
    }

    /** A candidate issue with its place in the ranking. */
    public record RankedIssue(int rank, UUID id, String title, String theme, int score, int maximum) {
    }

    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    public LocalDate periodEnd;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "finalised_on")
    public LocalDate finalisedOn;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<AssessmentInput.Criterion> criteria = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<AssessmentInput.CandidateIssue> issues = new ArrayList<>();

    /** Weighted score: the sum over criteria of weight x score (1-5). */
    public int score(AssessmentInput.CandidateIssue issue) {
        return criteria.stream().mapToInt(c -> c.weight() * issue.scores().getOrDefault(c.name(), 0)).sum();
    }

    public List<RankedIssue> ranking() {
        int maximum = criteria.stream().mapToInt(c -> c.weight() * 5).sum();
        List<AssessmentInput.CandidateIssue> ordered = issues.stream()
                .sorted(Comparator.comparingInt(this::score).reversed()
                        .thenComparing(AssessmentInput.CandidateIssue::title))
                .toList();
        List<RankedIssue> ranking = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            AssessmentInput.CandidateIssue issue = ordered.get(i);
            // Equal scores share a rank, as a scoring matrix ranks them.
            int rank = i > 0 && score(issue) == ranking.get(i - 1).score() ? ranking.get(i - 1).rank() : i + 1;
            ranking.add(new RankedIssue(rank, issue.id(), issue.title(), Term.slugOf(issue.theme()), score(issue),
                    maximum));
        }
        return ranking;
    }

    public boolean hasIssue(UUID issueId) {
        return issues.stream().anyMatch(i -> i.id().equals(issueId));
    }
}
