package org.saferpartnerships.partnership.risks;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.saferpartnerships.platform.partnership.RiskScale;

/** The register drawn as the grid committee reports print: likelihood rows from 6 down, impact columns 1 to 4. */
@Schema(name = "RiskMatrix")
public record RiskMatrix(String partnershipId, List<Row> rows) {

    public record Row(int likelihood, String label, List<Cell> cells) {
    }

    public record Cell(int impact, String impactLabel, int score, String rating, List<UUID> riskIds) {
    }

    static RiskMatrix of(String partnershipId, List<Risk> risks) {
        List<Row> rows = new ArrayList<>();
        for (int likelihood = RiskScale.LIKELIHOODS.size(); likelihood >= 1; likelihood--) {
            List<Cell> cells = new ArrayList<>();
            for (int impact = 1; impact <= RiskScale.IMPACTS.size(); impact++) {
                int l = likelihood;
                int i = impact;
                int score = RiskScale.score(l, i);
                cells.add(new Cell(i, RiskScale.impactLabel(i), score, RiskScale.rating(score), risks.stream()
                        .filter(r -> r.likelihood == l && r.impact == i).map(r -> r.id).toList()));
            }
            rows.add(new Row(likelihood, RiskScale.likelihoodLabel(likelihood), cells));
        }
        return new RiskMatrix(partnershipId, rows);
    }
}
