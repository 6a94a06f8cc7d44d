package org.saferpartnerships.incident.corrections;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.saferpartnerships.incident.register.Incident;
import org.saferpartnerships.incident.register.IncidentInput;
import org.saferpartnerships.incident.register.IncidentRegister;
import org.saferpartnerships.incident.register.Placement;
import org.saferpartnerships.incident.register.PostingRefused;
import org.saferpartnerships.incident.register.Submitter;
import org.saferpartnerships.platform.api.EntityTags;
import org.saferpartnerships.platform.domain.NoSuchRecord;
import org.saferpartnerships.platform.domain.RuleViolated;
import org.saferpartnerships.platform.domain.StateConflict;
import org.saferpartnerships.platform.events.incident.IncidentCorrected;
import org.saferpartnerships.platform.events.incident.IncidentSnapshot;
import org.saferpartnerships.platform.events.incident.IncidentWithdrawn;
import org.saferpartnerships.platform.outbox.Outbox;

/**
 * Corrections and withdrawals by the agency that recorded an incident. Both keep the record and
 * publish what changed, so every aggregate moves or removes it.
 */
@ApplicationScoped
public class IncidentCorrectionService {

    private final IncidentRegister register;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Validator validator;

    IncidentCorrectionService(IncidentRegister register, Outbox outbox, ObjectMapper json, Validator validator) {
        this.register = register;
        this.outbox = outbox;
        this.json = json;
        this.validator = validator;
    }

    /** Applies a JSON merge patch (RFC 7396) to the incident as its agency would post it. */
    @Transactional
    public Incident correct(UUID id, Submitter submitter, String ifMatch, JsonNode patch) {
        Incident incident = owned(id, submitter);
        EntityTags.requireMatch(ifMatch, incident.version);
        if (!patch.isObject()) {
            throw new RuleViolated("A correction is a JSON merge patch object");
        }
        IncidentInput corrected = read(merge(asPosted(incident), patch));
        if (!corrected.externalRef().equals(incident.externalRef)) {
            throw new RuleViolated("externalRef identifies the incident; it cannot change");
        }
        IncidentSnapshot previous = incident.snapshot();
        Placement placement = register.place(submitter, List.of(corrected)).get(0);
        if (!placement.placed()) {
            throw new PostingRefused(placement.refusal());
        }
        incident.partnershipId = placement.partnershipId();
        IncidentRegister.apply(incident, corrected);
        Incident.flush();
        outbox.append(new IncidentCorrected(previous, incident.snapshot(), Instant.now().truncatedTo(ChronoUnit.MICROS)));
        return incident;
    }

    @Transactional
    public Incident withdraw(UUID id, Submitter submitter, String ifMatch, String reason) {
        Incident incident = owned(id, submitter);
        EntityTags.requireMatch(ifMatch, incident.version);
        incident.withdrawnAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        incident.withdrawalReason = reason.strip();
        Incident.flush();
        outbox.append(new IncidentWithdrawn(incident.snapshot(), incident.withdrawalReason, incident.withdrawnAt));
        return incident;
    }

    /** The agency's own, live incident; other agencies cannot tell it exists. */
    private static Incident owned(UUID id, Submitter submitter) {
        Incident incident = Incident.<Incident>findByIdOptional(id)
                .filter(i -> i.agencyId.equals(submitter.agencyId()))
                .orElseThrow(() -> new NoSuchRecord("No incident " + id));
        if (incident.withdrawnAt != null) {
            throw new StateConflict("Incident " + id + " was withdrawn");
        }
        return incident;
    }

    /** The incident as its agency would post it now: the snapshot without what the service assigns. */
    private ObjectNode asPosted(Incident incident) {
        ObjectNode posted = json.valueToTree(incident.snapshot());
        // The publication too: where the record came from is not the agency's to correct.
        posted.remove(List.of("incidentId", "agencyId", "publication", "recordedAt", "version",
                "reportedDistrictCode"));
        // As reported: placing the correction finds the district that holds the place now again.
        posted.put("districtCode", incident.reportedDistrict());
        if (incident.occurredOn != null) {
            posted.remove("occurredMonth");
        }
        List<String> absent = new ArrayList<>();
        posted.fields().forEachRemaining(field -> {
            if (field.getValue().isNull()) {
                absent.add(field.getKey());
            }
        });
        posted.remove(absent);
        return posted;
    }

    /** RFC 7396 at the top level, which is all an incident has: null removes, anything else replaces. */
    private static ObjectNode merge(ObjectNode current, JsonNode patch) {
        patch.fields().forEachRemaining(field -> {
            if (field.getValue().isNull()) {
                current.remove(field.getKey());
            } else {
                current.set(field.getKey(), field.getValue());
            }
        });
        return current;
    }

    private IncidentInput read(ObjectNode merged) {
        IncidentInput input;
        try {
            input = json.treeToValue(merged, IncidentInput.class);
        } catch (JsonProcessingException e) {
            throw new RuleViolated(e.getOriginalMessage());
        }
        Set<ConstraintViolation<IncidentInput>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return input;
    }
}
