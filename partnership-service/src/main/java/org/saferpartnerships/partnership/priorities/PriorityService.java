package org.saferpartnerships.partnership.priorities;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.saferpartnerships.partnership.assessments.StrategicAssessment;
import org.saferpartnerships.partnership.common.PartnershipRecords;
import org.saferpartnerships.partnership.governance.GovernanceBody;
import org.saferpartnerships.platform.api.EntityTags;
import org.saferpartnerships.platform.domain.RuleViolated;
import org.saferpartnerships.platform.domain.StateConflict;
import org.saferpartnerships.platform.events.DomainEvent;
import org.saferpartnerships.platform.events.partnership.PriorityChanged;
import org.saferpartnerships.platform.vocabulary.Term;

/** Priorities are drafted, revised while draft, and adopted by a body, after which they are read-only. */
@ApplicationScoped
public class PriorityService extends PartnershipRecords<Priority, PriorityInput> {

    PriorityService() {
        super(Priority.class, "priority");
    }

    @Transactional
    public Priority adopt(String partnershipId, UUID id, String ifMatch, Adoption adoption) {
        Priority priority = find(partnershipId, id);
        EntityTags.requireMatch(ifMatch, priority.version);
        draftOnly(priority);
        if (GovernanceBody.of(partnershipId, adoption.bodyId()) == null) {
            throw new RuleViolated("bodyId: no body " + adoption.bodyId() + " in partnership " + partnershipId);
        }
        priority.status = Priority.Status.ADOPTED;
        priority.adoptedByBodyId = adoption.bodyId();
        priority.adoptedOn = adoption.adoptedOn();
        changed(priority, false);
        return priority;
    }

    @Override
    protected Priority newRecord() {
        Priority priority = new Priority();
        priority.status = Priority.Status.DRAFT;
        return priority;
    }

    @Override
    protected void beforeRevise(Priority priority, PriorityInput input) {
        draftOnly(priority);
    }

    @Override
    protected void apply(Priority priority, PriorityInput input) {
        if (input.assessmentId() != null) {
            boolean linked = StrategicAssessment.<StrategicAssessment>findByIdOptional(input.assessmentId())
                    .filter(a -> a.partnershipId.equals(priority.partnershipId))
                    .filter(a -> a.hasIssue(input.assessmentIssueId()))
                    .isPresent();
            if (!linked) {
                throw new RuleViolated("assessmentIssueId: no issue "
                        + input.assessmentIssueId() + " in assessment " + input.assessmentId() + " of this partnership");
            }
        }
        priority.financialYear = input.financialYear();
        priority.title = input.title().strip();
        priority.theme = input.theme();
        priority.description = input.description();
        priority.assessmentId = input.assessmentId();
        priority.assessmentIssueId = input.assessmentIssueId();
    }

    @Override
    protected DomainEvent event(Priority p, boolean created) {
        PriorityChanged.Change change = p.status == Priority.Status.ADOPTED ? PriorityChanged.Change.ADOPTED
                : PriorityChanged.Change.DRAFTED;
        return new PriorityChanged(change, p.id, p.partnershipId, p.financialYear, p.title, Term.slugOf(p.theme),
                p.description, Term.slugOf(p.status), p.adoptedByBodyId, p.adoptedOn, p.assessmentId,
                p.assessmentIssueId, p.version);
    }

    private static void draftOnly(Priority priority) {
        if (priority.status == Priority.Status.ADOPTED) {
            throw new StateConflict("Priority " + priority.id + " is adopted and read-only");
        }
    }
}
