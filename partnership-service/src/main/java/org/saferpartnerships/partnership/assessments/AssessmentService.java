package org.saferpartnerships.partnership.assessments;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.saferpartnerships.partnership.common.PartnershipRecords;
import org.saferpartnerships.platform.api.EntityTags;
import org.saferpartnerships.platform.calendar.BusinessCalendar;
import org.saferpartnerships.platform.domain.RuleViolated;
import org.saferpartnerships.platform.domain.StateConflict;
import org.saferpartnerships.platform.events.DomainEvent;
import org.saferpartnerships.platform.events.partnership.AssessmentChanged;
import org.saferpartnerships.platform.vocabulary.Term;

/** One assessment per year, revised while draft, read-only once finalised. */
@ApplicationScoped
public class AssessmentService extends PartnershipRecords<StrategicAssessment, AssessmentInput> {

    // A field: the base class's constructor takes the record type, so this bean keeps a no-args one.
    @Inject
    BusinessCalendar calendar;

    AssessmentService() {
        super(StrategicAssessment.class, "assessment");
    }

    @Transactional
    public StrategicAssessment finalise(String partnershipId, UUID id, String ifMatch) {
        StrategicAssessment assessment = find(partnershipId, id);
        EntityTags.requireMatch(ifMatch, assessment.version);
        draftOnly(assessment);
        if (assessment.issues.isEmpty()) {
            throw new StateConflict("An assessment without candidate issues cannot be finalised");
        }
        assessment.status = StrategicAssessment.Status.FINALISED;
        assessment.finalisedOn = calendar.today();
        changed(assessment, false);
        return assessment;
    }

    @Override
    protected StrategicAssessment newRecord() {
        StrategicAssessment assessment = new StrategicAssessment();
        assessment.status = StrategicAssessment.Status.DRAFT;
        return assessment;
    }

    @Override
    protected void beforeCreate(StrategicAssessment assessment, AssessmentInput input) {
        if (StrategicAssessment.count("partnershipId = ?1 and periodStart = ?2", assessment.partnershipId,
                input.periodStart()) > 0) {
            throw new StateConflict("There is an assessment for the year from "
                    + input.periodStart() + " already");
        }
    }

    @Override
    protected void beforeRevise(StrategicAssessment assessment, AssessmentInput input) {
        draftOnly(assessment);
        if (!assessment.periodStart.equals(input.periodStart())) {
            throw new RuleViolated("An assessment's period cannot change");
        }
    }

    @Override
    protected void apply(StrategicAssessment assessment, AssessmentInput input) {
        List<AssessmentInput.Criterion> criteria = input.criteria() == null || input.criteria().isEmpty()
                ? AssessmentInput.DEFAULT_CRITERIA : List.copyOf(input.criteria());
        Set<String> names = new HashSet<>();
        for (AssessmentInput.Criterion criterion : criteria) {
            if (!names.add(criterion.name())) {
                throw new RuleViolated("criteria: '" + criterion.name() + "' twice");
            }
        }
        List<AssessmentInput.CandidateIssue> issues = new ArrayList<>();
        List<AssessmentInput.CandidateIssue> given = input.issues() == null ? List.of() : input.issues();
        for (int i = 0; i < given.size(); i++) {
            AssessmentInput.CandidateIssue issue = given.get(i);
            if (!issue.scores().keySet().equals(names)) {
                throw new RuleViolated("issues[" + i + "].scores: score each of "
                        + names + " from 1 to 5, and nothing else");
            }
            issues.add(issue.id() != null ? issue
                    : new AssessmentInput.CandidateIssue(UUID.randomUUID(), issue.title(), issue.theme(), issue.scores()));
        }
        assessment.periodStart = input.periodStart();
        assessment.periodEnd = input.periodEnd();
        assessment.criteria = criteria;
        assessment.issues = issues;
    }

    @Override
    protected DomainEvent event(StrategicAssessment a, boolean created) {
        List<AssessmentChanged.RankedIssue> ranking = a.ranking().stream()
                .map(r -> new AssessmentChanged.RankedIssue(r.rank(), r.id(), r.title(), r.theme(), r.score()))
                .toList();
        AssessmentChanged.Change change = a.status == StrategicAssessment.Status.FINALISED
                ? AssessmentChanged.Change.FINALISED : AssessmentChanged.Change.DRAFTED;
        return new AssessmentChanged(change, a.id, a.partnershipId, a.periodStart, a.periodEnd, Term.slugOf(a.status),
                ranking, a.version);
    }

    private static void draftOnly(StrategicAssessment assessment) {
        if (assessment.status == StrategicAssessment.Status.FINALISED) {
            throw new StateConflict("Assessment " + assessment.id
                    + " is finalised and read-only");
        }
    }
}
