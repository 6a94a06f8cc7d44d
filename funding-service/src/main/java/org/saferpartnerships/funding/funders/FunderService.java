package org.saferpartnerships.funding.funders;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.saferpartnerships.platform.api.EntityTags;
import org.saferpartnerships.platform.domain.NoSuchRecord;
import org.saferpartnerships.platform.domain.StateConflict;
import org.saferpartnerships.platform.events.funding.FunderChanged;
import org.saferpartnerships.platform.events.funding.FundingStreamChanged;
import org.saferpartnerships.platform.outbox.Outbox;

/** The funders and their streams; each change in one transaction with its event. */
@ApplicationScoped
public class FunderService {

    private final Outbox outbox;

    FunderService(Outbox outbox) {
        this.outbox = outbox;
    }

    public List<Funder> all() {
        return Funder.<Funder>listAll().stream().sorted(java.util.Comparator.comparing(f -> f.id)).toList();
    }

    public Funder find(String funderId) {
        return Funder.<Funder>findByIdOptional(funderId).orElseThrow(() -> new NoSuchRecord("No funder " + funderId));
    }

    @Transactional
    public Funder register(FunderInput input) {
        if (Funder.findById(input.id()) != null) {
            throw new StateConflict("Funder " + input.id() + " is registered already");
        }
        Funder funder = new Funder();
        funder.id = input.id();
        funder.grantPrefix = input.grantPrefix();
        apply(funder, input);
        funder.persistAndFlush();
        outbox.append(funder.changed(FunderChanged.Change.REGISTERED));
        return funder;
    }

    @Transactional
    public Funder revise(String funderId, String ifMatch, FunderInput input) {
        Funder funder = find(funderId);
        EntityTags.requireMatch(ifMatch, funder.version);
        if (!funderId.equals(input.id())) {
            throw new StateConflict("A funder's id stays " + funderId + ": its officers' tokens name it");
        }
        if (!funder.grantPrefix.equals(input.grantPrefix())) {
            throw new StateConflict("A funder's 360Giving prefix stays " + funder.grantPrefix + ": the identifiers "
                    + "of the grants and recipients it publishes are made of it, and must not change once published");
        }
        long before = funder.version;
        apply(funder, input);
        Funder.getEntityManager().flush();
        // The version moves only when a field changed: a PUT of the record as it stands is no change to publish.
        if (funder.version != before) {
            outbox.append(funder.changed(FunderChanged.Change.UPDATED));
        }
        return funder;
    }

    public List<FundingStream> streams(String funderId) {
        find(funderId);
        return FundingStream.<FundingStream>list("funderId = ?1 order by name", funderId);
    }

    public FundingStream stream(String funderId, UUID streamId) {
        FundingStream stream = FundingStream.findById(streamId);
        if (stream == null || !stream.funderId.equals(funderId)) {
            throw new NoSuchRecord("No stream " + streamId + " of funder " + funderId);
        }
        return stream;
    }

    /** A stream of any funder, for records that name only the stream. */
    public FundingStream stream(UUID streamId) {
        FundingStream stream = FundingStream.findById(streamId);
        if (stream == null) {
            throw new org.saferpartnerships.platform.domain.RuleViolated("streamId: no funding stream " + streamId);
        }
        return stream;
    }

    @Transactional
    public FundingStream open(String funderId, FundingStreamInput input) {
        find(funderId);
        FundingStream stream = new FundingStream();
        stream.id = UUID.randomUUID();
        stream.funderId = funderId;
        stream.name = input.name().strip();
        stream.kind = input.kind();
        stream.persistAndFlush();
        outbox.append(stream.changed(FundingStreamChanged.Change.OPENED));
        return stream;
    }

    @Transactional
    public FundingStream revise(String funderId, UUID streamId, String ifMatch, FundingStreamInput input) {
        FundingStream stream = stream(funderId, streamId);
        EntityTags.requireMatch(ifMatch, stream.version);
        long before = stream.version;
        stream.name = input.name().strip();
        stream.kind = input.kind();
        FundingStream.getEntityManager().flush();
        if (stream.version != before) {
            outbox.append(stream.changed(FundingStreamChanged.Change.UPDATED));
        }
        return stream;
    }

    private static void apply(Funder funder, FunderInput input) {
        funder.name = input.name().strip();
        funder.kind = input.kind();
        funder.orgId = input.orgId();
    }
}
