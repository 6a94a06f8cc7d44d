package org.saferpartnerships.partnership.risks;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.saferpartnerships.partnership.common.PartnershipRecords;
import org.saferpartnerships.platform.events.DomainEvent;
import org.saferpartnerships.platform.events.partnership.RiskChanged;

/** The risk register. */
@ApplicationScoped
public class RiskService extends PartnershipRecords<Risk, RiskInput> {

    RiskService() {
        super(Risk.class, "risk");
    }

    public List<Risk> register(String partnershipId, boolean includeClosed) {
        return Risk.<Risk>list("partnershipId = ?1 order by reference", partnershipId).stream()
                .filter(r -> includeClosed || !r.closed).toList();
    }

    @Override
    protected Risk newRecord() {
        return new Risk();
    }

    @Override
    protected void apply(Risk risk, RiskInput input) {
        risk.reference = input.reference().strip();
        risk.description = input.description().strip();
        risk.likelihood = input.likelihood();
        risk.impact = input.impact();
        risk.mitigation = input.mitigation();
        risk.owner = input.owner();
        risk.reviewOn = input.reviewOn();
        risk.closed = Boolean.TRUE.equals(input.closed());
    }

    @Override
    protected DomainEvent event(Risk risk, boolean created) {
        return risk.changed(created ? RiskChanged.Change.RECORDED : RiskChanged.Change.UPDATED);
    }
}
