package org.saferpartnerships.partnership.governance;

import jakarta.enterprise.context.ApplicationScoped;

import org.saferpartnerships.partnership.common.PartnershipRecords;
import org.saferpartnerships.platform.events.DomainEvent;
import org.saferpartnerships.platform.events.partnership.GovernanceBodyChanged;
import org.saferpartnerships.platform.vocabulary.Term;

/** The partnership's boards and groups. */
@ApplicationScoped
public class GovernanceBodyService extends PartnershipRecords<GovernanceBody, BodyInput> {

    GovernanceBodyService() {
        super(GovernanceBody.class, "body");
    }

    @Override
    protected GovernanceBody newRecord() {
        return new GovernanceBody();
    }

    @Override
    protected void apply(GovernanceBody body, BodyInput input) {
        body.name = input.name().strip();
        body.kind = input.kind();
        body.cadence = input.cadence();
    }

    @Override
    protected DomainEvent event(GovernanceBody body, boolean created) {
        return new GovernanceBodyChanged(body.id, body.partnershipId, body.name, Term.slugOf(body.kind),
                Term.slugOf(body.cadence), body.version);
    }
}
