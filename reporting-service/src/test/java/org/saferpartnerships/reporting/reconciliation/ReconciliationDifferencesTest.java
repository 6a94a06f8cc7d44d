package org.saferpartnerships.reporting.reconciliation;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.saferpartnerships.reporting.reconciliation.Reconciliation.Difference;
import org.saferpartnerships.reporting.reconciliation.Reconciliation.MonthTotal;
import org.saferpartnerships.reporting.reconciliation.Reconciliation.PartnershipMonth;

class ReconciliationDifferencesTest {

    private static final YearMonth MAY = YearMonth.of(2024, 5);
    private static final YearMonth JUNE = YearMonth.of(2024, 6);

    @Test
    void equalCountsAreNoDifference() {
        assertThat(Reconciliation.differences(Map.of(month("colchester", MAY), 12L), Map.of(month("colchester", MAY), 12L)),
                empty());
    }

    @Test
    void aMonthCountedOnOneSideOnlyDiffersFromZero() {
        List<Difference> differences = Reconciliation.differences(
                Map.of(month("colchester", MAY), 3L),
                Map.of(month("colchester", JUNE), 2L));
        assertThat(differences, contains(new Difference("colchester", MAY, 3, 0),
                new Difference("colchester", JUNE, 0, 2)));
    }

    @Test
    void aCountAppliedTwiceShowsAsMoreThanTheSource() {
        List<Difference> differences = Reconciliation.differences(
                Map.of(month("colchester", MAY), 3L, month("tendring", MAY), 5L),
                Map.of(month("colchester", MAY), 4L, month("tendring", MAY), 5L));
        assertThat(differences, contains(new Difference("colchester", MAY, 3, 4)));
    }

    @Test
    void theSourceIsTotalledPerPartnershipAndMonth() {
        assertThat(Reconciliation.totalsOf(List.of(new MonthTotal("colchester", MAY, 3),
                new MonthTotal("colchester", MAY, 2))), equalTo(Map.of(month("colchester", MAY), 5L)));
    }

    private static PartnershipMonth month(String partnership, YearMonth month) {
        return new PartnershipMonth(partnership, month);
    }
}
