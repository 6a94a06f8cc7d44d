package org.saferpartnerships.partnership.common;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.Panache;

import org.saferpartnerships.partnership.partnerships.PartnershipAccess;
import org.saferpartnerships.platform.api.EntityTags;
import org.saferpartnerships.platform.events.DomainEvent;
import org.saferpartnerships.platform.outbox.Outbox;

/**
 * How a kind of partnership record is found, created and revised: each change in one
 * transaction with its event, revisions only against the current ETag. Subclasses say how input
 * becomes state, which event announces it, and what a kind forbids (e.g. changing a finalised
 * assessment). Callers have checked that the caller may manage the partnership.
 */
public abstract class PartnershipRecords<R extends PartnershipRecord, I> {

    @Inject
    Outbox outbox;

    private final Class<R> type;
    private final String name;

    protected PartnershipRecords(Class<R> type, String name) {
        this.type = type;
        this.name = name;
    }

    /** @throws org.saferpartnerships.platform.domain.NoSuchRecord unless the partnership has such a record */
    public R find(String partnershipId, UUID id) {
        R record = Panache.getEntityManager().find(type, id);
        if (record == null || !record.partnershipId.equals(partnershipId)) {
            throw PartnershipAccess.notFound("No " + name + " " + id + " in " + partnershipId);
        }
        return record;
    }

    @Transactional
    public R create(String partnershipId, I input) {
        R record = newRecord();
        record.id = UUID.randomUUID();
        record.partnershipId = partnershipId;
        beforeCreate(record, input);
        apply(record, input);
        record.persistAndFlush();
        outbox.append(event(record, true));
        return record;
    }

    @Transactional
    public R revise(String partnershipId, UUID id, String ifMatch, I input) {
        R record = find(partnershipId, id);
        EntityTags.requireMatch(ifMatch, record.version);
        beforeRevise(record, input);
        apply(record, input);
        Panache.getEntityManager().flush();
        outbox.append(event(record, false));
        return record;
    }

    /** Publishes the record's state after a change a subclass made in the caller's transaction. */
    protected void changed(R record, boolean created) {
        Panache.getEntityManager().flush();
        outbox.append(event(record, created));
    }

    protected abstract R newRecord();

    /** Copies the input onto the record, refusing (with a problem) what the rules forbid. */
    protected abstract void apply(R record, I input);

    protected abstract DomainEvent event(R record, boolean created);

    protected void beforeCreate(R record, I input) {
    }

    protected void beforeRevise(R record, I input) {
    }
}
