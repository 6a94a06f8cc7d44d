package org.saferpartnerships.partnership.risks;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class RiskMatrixTest {

    @Test
    void theGridIsPrintedWithVeryHighLikelihoodOnTopAndImpactRisingToTheRight() {
        RiskMatrix matrix = RiskMatrix.of("safer-melton", List.of());

        assertThat(matrix.partnershipId(), equalTo("safer-melton"));
        assertThat(matrix.rows().stream().map(RiskMatrix.Row::likelihood).toList(), contains(6, 5, 4, 3, 2, 1));
        assertThat(matrix.rows().get(0).label(), equalTo("very high"));
        assertThat(matrix.rows().get(5).label(), equalTo("almost impossible"));
        for (RiskMatrix.Row row : matrix.rows()) {
            assertThat(row.cells().stream().map(RiskMatrix.Cell::impact).toList(), contains(1, 2, 3, 4));
            assertThat(row.cells().stream().map(RiskMatrix.Cell::impactLabel).toList(),
                    contains("negligible", "marginal", "critical", "catastrophic"));
        }
    }

    @Test
    void eachCellIsScoredAndRatedAsTheCouncilMatrixDoes() {
        RiskMatrix matrix = RiskMatrix.of("safer-melton", List.of());

        assertThat(cell(matrix, 1, 1).score(), equalTo(1));
        assertThat(cell(matrix, 6, 4).score(), equalTo(24));
        // Melton rates 3 x 2 = 6 a low risk.
        assertThat(cell(matrix, 3, 2).rating(), equalTo("low"));
        assertThat(cell(matrix, 6, 1).rating(), equalTo("low"));
        assertThat(cell(matrix, 4, 2).rating(), equalTo("medium"));
        assertThat(cell(matrix, 2, 4).rating(), equalTo("medium"));
        assertThat(cell(matrix, 6, 2).rating(), equalTo("medium"));
        assertThat(cell(matrix, 3, 4).rating(), equalTo("medium"));
        assertThat(cell(matrix, 5, 3).rating(), equalTo("high"));
        assertThat(cell(matrix, 4, 4).rating(), equalTo("high"));
        assertThat(matrix.rows().stream().flatMap(r -> r.cells().stream()).filter(c -> c.rating().equals("high"))
                .map(c -> c.score()).toList(), containsInAnyOrder(24, 18, 20, 15, 16));
    }

    @Test
    void eachRiskSitsInTheCellOfItsLikelihoodAndImpactOnly() {
        Risk youthDisorder = risk(4, 3);
        Risk fundingCut = risk(4, 3);
        Risk dataLoss = risk(1, 4);

        RiskMatrix matrix = RiskMatrix.of("safer-melton", List.of(youthDisorder, fundingCut, dataLoss));

        assertThat(cell(matrix, 4, 3).riskIds(), contains(youthDisorder.id, fundingCut.id));
        assertThat(cell(matrix, 1, 4).riskIds(), contains(dataLoss.id));
        assertThat(cell(matrix, 3, 4).riskIds(), empty());
        assertThat(matrix.rows().stream().flatMap(r -> r.cells().stream()).mapToInt(c -> c.riskIds().size()).sum(),
                equalTo(3));
    }

    private static RiskMatrix.Cell cell(RiskMatrix matrix, int likelihood, int impact) {
        RiskMatrix.Row row = matrix.rows().stream().filter(r -> r.likelihood() == likelihood).findFirst().orElseThrow();
        return row.cells().stream().filter(c -> c.impact() == impact).findFirst().orElseThrow();
    }

    private static Risk risk(int likelihood, int impact) {
        Risk risk = new Risk();
        risk.id = UUID.randomUUID();
        risk.likelihood = likelihood;
        risk.impact = impact;
        return risk;
    }
}
