package org.saferpartnerships.partnership.governance;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.saferpartnerships.partnership.agencies.Agency;
import org.saferpartnerships.partnership.common.PartnershipRecords;
import org.saferpartnerships.platform.domain.RuleViolated;
import org.saferpartnerships.platform.events.DomainEvent;
import org.saferpartnerships.platform.events.partnership.MeetingRecorded;
import org.saferpartnerships.platform.vocabulary.Term;

/** The record of the bodies' meetings: who attended, what was decided. */
@ApplicationScoped
public class MeetingService extends PartnershipRecords<Meeting, MeetingInput> {

    MeetingService() {
        super(Meeting.class, "meeting");
    }

    @Override
    protected Meeting newRecord() {
        return new Meeting();
    }

    @Override
    protected void apply(Meeting meeting, MeetingInput input) {
        if (GovernanceBody.of(meeting.partnershipId, input.bodyId()) == null) {
            throw new RuleViolated("bodyId: no body " + input.bodyId() + " in partnership " + meeting.partnershipId);
        }
        List<String> attending = input.attendingAgencies() == null ? List.of()
                : input.attendingAgencies().stream().distinct().toList();
        long known = attending.isEmpty() ? 0 : Agency.count("id in ?1", attending);
        if (known != attending.size()) {
            throw new RuleViolated("attendingAgencies: every agency must be in the directory");
        }
        meeting.bodyId = input.bodyId();
        meeting.heldOn = input.heldOn();
        meeting.attendingAgencies = attending;
        meeting.decisions = input.decisions() == null ? List.of() : List.copyOf(input.decisions());
    }

    @Override
    protected DomainEvent event(Meeting meeting, boolean created) {
        List<MeetingRecorded.Decision> decisions = meeting.decisions.stream()
                .map(d -> new MeetingRecorded.Decision(Term.slugOf(d.kind()), d.text(),
                        d.references() == null ? List.of() : d.references().stream()
                                .map(r -> new MeetingRecorded.Reference(r.type(), r.id())).toList()))
                .toList();
        return new MeetingRecorded(meeting.id, meeting.partnershipId, meeting.bodyId, meeting.heldOn,
                List.copyOf(meeting.attendingAgencies), decisions, meeting.version);
    }
}
