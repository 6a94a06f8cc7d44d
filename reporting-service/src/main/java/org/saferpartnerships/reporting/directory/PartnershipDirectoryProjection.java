package org.saferpartnerships.reporting.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.saferpartnerships.platform.events.partnership.PartnershipChanged;
import org.saferpartnerships.platform.events.partnership.PriorityChanged;

/**
 * Applies partnership events to the directory that labels feed rows and to the priority list of
 * dashboards and reports. Each event carries its record's whole state and version; one older than
 * the version kept changes nothing.
 */
@ApplicationScoped
public class PartnershipDirectoryProjection {

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(PartnershipChanged changed) {
        DirectoryPartnership partnership = DirectoryPartnership.<DirectoryPartnership>findByIdOptional(
                changed.partnershipId()).orElseGet(DirectoryPartnership::new);
        if (partnership.id != null && partnership.version > changed.version()) {
            return;
        }
        partnership.id = changed.partnershipId();
        partnership.name = changed.name();
        partnership.districts = changed.districts();
        partnership.version = changed.version();
        partnership.persist();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(PriorityChanged changed) {
        DirectoryPriority priority = DirectoryPriority.<DirectoryPriority>findByIdOptional(changed.priorityId())
                .orElseGet(DirectoryPriority::new);
        if (priority.id != null && priority.version > changed.version()) {
            return;
        }
        priority.id = changed.priorityId();
        priority.partnershipId = changed.partnershipId();
        priority.financialYear = changed.financialYear();
        priority.title = changed.title();
        priority.theme = changed.theme();
        priority.status = changed.status();
        priority.description = changed.description();
        priority.adoptedByBodyId = changed.adoptedByBodyId();
        priority.adoptedOn = changed.adoptedOn();
        priority.version = changed.version();
        priority.persist();
    }
}
