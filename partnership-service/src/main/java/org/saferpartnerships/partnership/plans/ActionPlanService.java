package org.saferpartnerships.partnership.plans;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.saferpartnerships.partnership.agencies.Agency;
import org.saferpartnerships.partnership.partnerships.PartnershipAccess;
import org.saferpartnerships.partnership.priorities.Priority;
import org.saferpartnerships.platform.api.EntityTags;
import org.saferpartnerships.platform.domain.RuleViolated;
import org.saferpartnerships.platform.events.partnership.ActionUpdated;
import org.saferpartnerships.platform.outbox.Outbox;
import org.saferpartnerships.platform.vocabulary.Term;

/** The annual partnership plans. Callers have checked what the caller may do. */
@ApplicationScoped
public class ActionPlanService {

    private final Outbox outbox;

    ActionPlanService(Outbox outbox) {
        this.outbox = outbox;
    }

    public List<PlanAction> plan(String partnershipId, int year) {
        return PlanAction.list("partnershipId = ?1 and financialYear = ?2 order by dueOn, title", partnershipId, year);
    }

    public PlanAction find(String partnershipId, int year, UUID id) {
        return PlanAction.<PlanAction>findByIdOptional(id)
                .filter(a -> a.partnershipId.equals(partnershipId) && a.financialYear == year)
                .orElseThrow(() -> PartnershipAccess.notFound("No action " + id + " in the " + year + " plan of "
                        + partnershipId));
    }

    @Transactional
    public PlanAction add(String partnershipId, int year, ActionInput input) {
        PlanAction action = new PlanAction();
        action.id = UUID.randomUUID();
        action.partnershipId = partnershipId;
        action.financialYear = year;
        apply(action, input);
        action.persistAndFlush();
        outbox.append(updated(action));
        return action;
    }

    @Transactional
    public PlanAction change(String partnershipId, int year, UUID id, String ifMatch, ActionInput input) {
        PlanAction action = find(partnershipId, year, id);
        EntityTags.requireMatch(ifMatch, action.version);
        apply(action, input);
        PlanAction.getEntityManager().flush();
        outbox.append(updated(action));
        return action;
    }

    /** Appends a progress report, moves the status and records measures' actuals to date. */
    @Transactional
    public PlanAction report(PlanAction detached, ProgressUpdate update, String reportedBy, String reportedByAgency) {
        PlanAction action = find(detached.partnershipId, detached.financialYear, detached.id);
        Map<String, ActionInput.Measure> measures = action.measures.stream()
                .collect(Collectors.toMap(ActionInput.Measure::name, Function.identity(), (a, b) -> a,
                        java.util.LinkedHashMap::new));
        for (ProgressUpdate.MeasureActual actual : update.measures() == null ? List.<ProgressUpdate.MeasureActual>of()
                : update.measures()) {
            ActionInput.Measure measure = measures.get(actual.name());
            if (measure == null) {
                throw new RuleViolated("measures: the action has no measure '"
                        + actual.name() + "'; it has " + measures.keySet());
            }
            measures.put(measure.name(), new ActionInput.Measure(measure.name(), measure.unit(), measure.target(),
                    actual.actual()));
        }
        List<ProgressUpdate.Entry> progress = new ArrayList<>(action.progress);
        progress.add(new ProgressUpdate.Entry(update.on(), update.status(), update.note(), reportedBy,
                reportedByAgency));
        action.progress = progress;
        action.measures = List.copyOf(measures.values());
        action.status = update.status();
        PlanAction.getEntityManager().flush();
        outbox.append(updated(action));
        return action;
    }

    private static void apply(PlanAction action, ActionInput input) {
        if (input.priorityId() != null && Priority.<Priority>findByIdOptional(input.priorityId())
                .filter(p -> p.partnershipId.equals(action.partnershipId)).isEmpty()) {
            throw new RuleViolated("priorityId: no priority " + input.priorityId() + " in partnership " + action.partnershipId);
        }
        if (Agency.findByIdOptional(input.ownerAgencyId()).isEmpty()) {
            throw new RuleViolated("ownerAgencyId: no agency " + input.ownerAgencyId() + " in the directory");
        }
        action.priorityId = input.priorityId();
        action.title = input.title().strip();
        action.ownerAgencyId = input.ownerAgencyId();
        action.startOn = input.startOn();
        action.dueOn = input.dueOn();
        action.status = input.status();
        action.milestones = input.milestones() == null ? List.of() : List.copyOf(input.milestones());
        action.measures = input.measures() == null ? List.of() : List.copyOf(input.measures());
    }

    private static ActionUpdated updated(PlanAction a) {
        return new ActionUpdated(a.id, a.partnershipId, a.financialYear, a.priorityId, a.title, a.ownerAgencyId,
                a.startOn, a.dueOn, Term.slugOf(a.status), a.measures.stream()
                        .map(m -> new ActionUpdated.Measure(m.name(), m.unit(), m.target(), m.actual())).toList(),
                latestProgress(a.progress), a.version);
    }

    /**
     * The report of the latest date, which a report made later may still predate (a meeting's
     * update typed in afterwards); of two on one day, the one made later.
     */
    private static ActionUpdated.Progress latestProgress(List<ProgressUpdate.Entry> progress) {
        ProgressUpdate.Entry latest = null;
        for (ProgressUpdate.Entry entry : progress) {
            if (latest == null || !entry.on().isBefore(latest.on())) {
                latest = entry;
            }
        }
        return latest == null ? null
                : new ActionUpdated.Progress(latest.on(), Term.slugOf(latest.status()), latest.note());
    }
}
