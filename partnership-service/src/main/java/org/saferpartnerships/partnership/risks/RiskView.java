package org.saferpartnerships.partnership.risks;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.saferpartnerships.platform.partnership.RiskScale;

@Schema(name = "Risk", example = """
        {"id": "7d1b0c9e-1f2a-4b3c-8d4e-5f6a7b8c9d0e", "partnershipId": "melton", "reference": "1",
         "description": "Lack of resource to fulfil the strategic plan", "likelihood": 3, "likelihoodLabel": "low",
         "impact": 2, "impactLabel": "marginal", "score": 6, "rating": "low",
         "mitigation": "Council partners' ongoing duty to address crime and disorder", "owner": null,
         "reviewOn": null, "closed": false, "version": 0}""")
public record RiskView(UUID id, String partnershipId, String reference, String description, int likelihood,
        String likelihoodLabel, int impact, String impactLabel, int score, String rating, String mitigation,
        String owner, LocalDate reviewOn, boolean closed, long version) {

    static RiskView of(Risk r) {
        return new RiskView(r.id, r.partnershipId, r.reference, r.description, r.likelihood,
                RiskScale.likelihoodLabel(r.likelihood), r.impact, RiskScale.impactLabel(r.impact), r.score(),
                r.rating(), r.mitigation, r.owner, r.reviewOn, r.closed, r.version);
    }
}
