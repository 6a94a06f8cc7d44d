package org.saferpartnerships.partnership.agencies;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.saferpartnerships.partnership.partnerships.PartnershipAccess;
import org.saferpartnerships.platform.api.EntityTags;
import org.saferpartnerships.platform.domain.StateConflict;
import org.saferpartnerships.platform.events.partnership.AgencyChanged;
import org.saferpartnerships.platform.outbox.Outbox;

@ApplicationScoped
public class AgencyService {

    private final Outbox outbox;

    AgencyService(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public Agency register(String id, AgencyInput input) {
        if (Agency.findByIdOptional(id).isPresent()) {
            throw new StateConflict("An agency " + id + " is already registered");
        }
        Agency agency = new Agency();
        agency.id = id;
        apply(agency, input);
        agency.persistAndFlush();
        outbox.append(agency.changed(AgencyChanged.Change.REGISTERED));
        return agency;
    }

    @Transactional
    public Agency update(String id, String ifMatch, AgencyInput input) {
        Agency agency = Agency.<Agency>findByIdOptional(id)
                .orElseThrow(() -> PartnershipAccess.notFound("No agency " + id));
        EntityTags.requireMatch(ifMatch, agency.version);
        apply(agency, input);
        Agency.getEntityManager().flush();
        outbox.append(agency.changed(AgencyChanged.Change.UPDATED));
        return agency;
    }

    private static void apply(Agency agency, AgencyInput input) {
        agency.name = input.name().strip();
        agency.type = input.type();
        agency.responsibleAuthority = input.responsibleAuthority() != null
                ? input.responsibleAuthority()
                : input.type().isResponsibleAuthorityByDefault();
    }
}
