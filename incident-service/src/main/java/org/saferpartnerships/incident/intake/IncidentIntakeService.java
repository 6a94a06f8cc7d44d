package org.saferpartnerships.incident.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import io.quarkiverse.resteasy.problem.HttpProblem;

import org.saferpartnerships.incident.partnerships.PartnershipReplica;
import org.saferpartnerships.incident.records.Incident;
import org.saferpartnerships.incident.reference.Term;
import org.saferpartnerships.platform.events.incident.IncidentRecorded;
import org.saferpartnerships.platform.events.incident.IncidentSnapshot;
import org.saferpartnerships.platform.identity.Caller;
import org.saferpartnerships.platform.outbox.Outbox;

/**
 * Records incidents posted by agencies, each with its {@code incident.recorded.v1} event in the
 * same transaction. An agency posts only for partnerships it is a current member of.
 */
@ApplicationScoped
public class IncidentIntakeService {

    /** What intake did with one posted incident. */
    public record Result(Incident incident, boolean created) {
    }

    /** Who is posting: the agency from the token and the partnerships the token allows. */
    public record Submitter(String agencyId, Set<String> partnerships) {

        /** @throws HttpProblem 403 when the token names no agency: incidents are an agency's records */
        public static Submitter of(Caller caller) {
            String agencyId = caller.agencyId().orElseThrow(() -> HttpProblem.valueOf(Response.Status.FORBIDDEN,
                    "The token names no agency (agency_id claim); incidents are recorded for an agency"));
            return new Submitter(agencyId, caller.partnerships());
        }
    }

    private final Outbox outbox;
    private final PartnershipReplica partnerships;

    IncidentIntakeService(Outbox outbox, PartnershipReplica partnerships) {
        this.outbox = outbox;
        this.partnerships = partnerships;
    }

    /**
     * Stores one incident, or when the agency posted this externalRef before, returns the stored
     * record if the content is the same and refuses it (409) if not.
     */
    @Transactional
    public Result record(Submitter submitter, IncidentInput posted) {
        Incident candidate = prepare(submitter, posted);
        Incident existing = Incident.findByExternalRef(submitter.agencyId(), posted.externalRef()).orElse(null);
        if (existing != null) {
            return new Result(unchangedOrConflict(existing, candidate), false);
        }
        candidate.persistAndFlush();
        outbox.append(new IncidentRecorded(candidate.snapshot()));
        return new Result(candidate, true);
    }

    /**
     * Stores every acceptable incident of a batch in one transaction, with their events in one
     * outbox batch; items already stored are unchanged; the rest are refused with their reason.
     *
     * @param items the posted incidents, or the reason an item could not be read
     */
    @Transactional
    public List<BatchResult.Item> recordAll(Submitter submitter, List<BatchItem> items) {
        List<BatchResult.Item> results = new ArrayList<>(items.size());
        Map<String, Incident> byRef = new HashMap<>();
        Map<String, Incident> stored = new HashMap<>();
        List<String> refs = items.stream().map(BatchItem::input).filter(Objects::nonNull)
                .map(IncidentInput::externalRef).distinct().toList();
        for (int from = 0; from < refs.size(); from += 1000) {
            List<Incident> found = Incident.list("agencyId = ?1 and externalRef in ?2", submitter.agencyId(),
                    refs.subList(from, Math.min(refs.size(), from + 1000)));
            found.forEach(i -> stored.put(i.externalRef, i));
        }
        List<Incident> created = new ArrayList<>();
        for (int index = 0; index < items.size(); index++) {
            BatchItem item = items.get(index);
            if (item.input() == null) {
                results.add(BatchResult.Item.rejected(index, null, item.problems()));
                continue;
            }
            String ref = item.input().externalRef();
            try {
                Incident candidate = prepare(submitter, item.input());
                Incident earlier = stored.containsKey(ref) ? stored.get(ref) : byRef.get(ref);
                if (earlier != null) {
                    Incident same = unchangedOrConflict(earlier, candidate);
                    results.add(BatchResult.Item.unchanged(index, same));
                } else {
                    byRef.put(ref, candidate);
                    created.add(candidate);
                    results.add(BatchResult.Item.created(index, candidate));
                }
            } catch (HttpProblem problem) {
                results.add(BatchResult.Item.rejected(index, ref, List.of(problem.getDetail())));
            }
        }
        Incident.persist(created);
        Incident.flush();
        outbox.appendAll(created.stream().map(i -> new IncidentRecorded(i.snapshot())).toList());
        return results;
    }

    /** Checks who may post it and where it belongs, and builds the record; stores nothing. */
    public Incident prepare(Submitter submitter, IncidentInput posted) {
        String partnershipId = posted.partnershipId() != null ? posted.partnershipId()
                : partnerships.covering(posted.districtCode()).orElseThrow(() -> HttpProblem.valueOf(
                        Response.Status.BAD_REQUEST, "No partnership covers district " + posted.districtCode()));
        if (!partnerships.exists(partnershipId)) {
            throw HttpProblem.valueOf(Response.Status.BAD_REQUEST, "No partnership " + partnershipId);
        }
        if (!partnerships.covering(posted.districtCode()).map(partnershipId::equals).orElse(false)) {
            throw HttpProblem.valueOf(Response.Status.BAD_REQUEST,
                    "Partnership " + partnershipId + " does not cover district " + posted.districtCode());
        }
        if (!submitter.partnerships().contains(partnershipId)
                || !partnerships.isMember(submitter.agencyId(), partnershipId, LocalDate.now())) {
            throw HttpProblem.valueOf(Response.Status.FORBIDDEN, submitter.agencyId()
                    + " may not post for " + partnershipId + ": it must be a current member and in your token");
        }
        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        incident.agencyId = submitter.agencyId();
        incident.externalRef = posted.externalRef();
        incident.partnershipId = partnershipId;
        apply(incident, posted);
        incident.recordedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return incident;
    }

    /** Copies what the agency may set (and correct) onto the record. */
    public static void apply(Incident incident, IncidentInput posted) {
        incident.category = posted.category();
        incident.asbType = slug(posted.asbType());
        incident.asbSubType = posted.asbSubType();
        incident.flags = posted.flags() == null ? List.of()
                : posted.flags().stream().map(Term::slug).sorted().toList();
        incident.hateCrimeStrand = slug(posted.hateCrimeStrand());
        incident.occurredOn = posted.occurredOn();
        incident.occurredMonth = posted.month();
        incident.reportedOn = posted.reportedOn();
        incident.districtCode = posted.districtCode();
        incident.lsoaCode = posted.lsoaCode();
        incident.latitude = posted.latitude();
        incident.longitude = posted.longitude();
        incident.locationDescription = posted.locationDescription();
        incident.outcome = slug(posted.outcome());
        incident.enforcementActions = posted.enforcementActions() == null ? List.of()
                : posted.enforcementActions().stream()
                        .map(a -> new IncidentSnapshot.EnforcementAction(a.type().slug(), a.on())).toList();
    }

    private static Incident unchangedOrConflict(Incident stored, Incident reposted) {
        if (!content(stored).equals(content(reposted))) {
            throw HttpProblem.valueOf(Response.Status.CONFLICT, "Incident " + stored.externalRef
                    + " was already recorded with different content; correct it instead of re-posting");
        }
        return stored;
    }

    /** The snapshot without what the service assigns, so two postings can be compared. */
    private static IncidentSnapshot content(Incident i) {
        IncidentSnapshot s = i.snapshot();
        return new IncidentSnapshot(null, s.agencyId(), s.externalRef(), s.partnershipId(), s.category(), s.asbType(),
                s.asbSubType(), s.flags(), s.hateCrimeStrand(), s.occurredOn(), s.occurredMonth(), s.reportedOn(),
                s.districtCode(), s.lsoaCode(), s.latitude() == null ? null : s.latitude().stripTrailingZeros(),
                s.longitude() == null ? null : s.longitude().stripTrailingZeros(), s.locationDescription(),
                s.outcome(), s.enforcementActions(), null, 0);
    }

    private static String slug(Term term) {
        return term == null ? null : term.slug();
    }
}
