package org.saferpartnerships.reporting.feeds;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The suppression rules on their own; DisclosureControlTest proves feeds apply them per audience. */
class DisclosureControlRulesTest {

    private static final List<CountDimension> BY_CATEGORY = List.of(CountDimension.CATEGORY);
    private static final List<CountDimension> BY_CATEGORY_AND_MONTH = List.of(CountDimension.CATEGORY,
            CountDimension.MONTH);

    private final DisclosureControl control = new DisclosureControl(5);

    @Test
    void countsBelowTheThresholdAreHiddenAndACountAtTheThresholdIsShown() {
        List<FeedRow> rows = List.of(category("burglary", 4), category("robbery", 1), category("drugs", 5),
                category("shoplifting", 30));
        assertThat(hidden(rows), empty());

        List<FeedRow> shown = control.suppress(rows, BY_CATEGORY);

        // Two hidden cells in the one slice: neither follows from the total, so nothing more is hidden.
        assertThat(hidden(shown), containsInAnyOrder("burglary", "robbery"));
        assertThat(shown.get(0).count(), nullValue());
        assertThat(shown.get(0).suppressed(), equalTo(true));
        assertThat(shown.get(2).count(), equalTo(5L));
        assertThat(shown.get(3).count(), equalTo(30L));
        assertNoHiddenCountFollowsFromTotals(shown, BY_CATEGORY);
    }

    @Test
    void aLoneSmallCountTakesTheSmallestOtherCountWithItSoTheTotalCannotGiveItAway() {
        List<FeedRow> rows = List.of(category("burglary", 3), category("robbery", 40), category("drugs", 12),
                category("shoplifting", 25));

        List<FeedRow> shown = control.suppress(rows, BY_CATEGORY);

        // Without a second hidden cell, 3 = total - 40 - 12 - 25.
        assertThat(hidden(shown), containsInAnyOrder("burglary", "drugs"));
        assertThat(shown.get(1).count(), equalTo(40L));
        assertThat(shown.get(3).count(), equalTo(25L));
        assertNoHiddenCountFollowsFromTotals(shown, BY_CATEGORY);
    }

    @Test
    void inATableEveryRowAndColumnHidesNoneOrAtLeastTwoCells() {
        List<FeedRow> rows = new ArrayList<>();
        rows.addAll(List.of(cell("arson", "2024-01", 2), cell("arson", "2024-02", 10), cell("arson", "2024-03", 30)));
        rows.addAll(List.of(cell("burglary", "2024-01", 11), cell("burglary", "2024-02", 12),
                cell("burglary", "2024-03", 40)));
        rows.addAll(List.of(cell("drugs", "2024-01", 50), cell("drugs", "2024-02", 60), cell("drugs", "2024-03", 70)));

        List<FeedRow> shown = control.suppress(rows, BY_CATEGORY_AND_MONTH);

        // The month total hides January's partner, each category total its own: a 2 x 2 block.
        assertThat(hiddenCells(shown), containsInAnyOrder("arson 2024-01", "arson 2024-02", "burglary 2024-01",
                "burglary 2024-02"));
        assertNoHiddenCountFollowsFromTotals(shown, BY_CATEGORY_AND_MONTH);
        for (int i = 0; i < rows.size(); i++) {
            if (shown.get(i).count() != null) {
                assertThat(shown.get(i), equalTo(rows.get(i)));
            }
        }
    }

    @Test
    void zeroIsNotASmallNumberAndIsShown() {
        List<FeedRow> rows = List.of(category("burglary", 0), category("robbery", 9), category("drugs", 12));

        List<FeedRow> shown = control.suppress(rows, BY_CATEGORY);

        assertThat(shown, equalTo(rows));
        assertThat(shown.get(0).count(), equalTo(0L));
    }

    @Test
    void aTableWithoutSmallCountsIsReturnedUntouched() {
        List<FeedRow> rows = List.of(cell("arson", "2024-01", 5), cell("arson", "2024-02", 17),
                cell("burglary", "2024-01", 250), cell("burglary", "2024-02", 6));

        List<FeedRow> shown = control.suppress(rows, BY_CATEGORY_AND_MONTH);

        assertThat(shown, equalTo(rows));
        assertThat(shown.stream().map(FeedRow::suppressed).toList(), contains(nullValue(), nullValue(), nullValue(),
                nullValue()));
    }

    @Test
    void aSmallTotalWithNothingToGroupIsHidden() {
        assertThat(control.suppress(List.of(total(3)), List.of()).get(0).count(), nullValue());
        assertThat(control.suppress(List.of(total(5)), List.of()).get(0).count(), equalTo(5L));
    }

    @Test
    void theThresholdIsConfigurableAndTheStatedRuleFollowsIt() {
        DisclosureControl stricter = new DisclosureControl(10);
        List<FeedRow> rows = List.of(category("burglary", 9), category("robbery", 7), category("drugs", 10));

        assertThat(hidden(control.suppress(rows, BY_CATEGORY)), empty());
        assertThat(hidden(stricter.suppress(rows, BY_CATEGORY)), containsInAnyOrder("burglary", "robbery"));
        assertThat(control.rule(), containsString("from 1 to 4 are suppressed"));
        assertThat(stricter.rule(), containsString("from 1 to 9 are suppressed"));
    }

    /** No row or column (a slice along one dimension, whose total another query gives) has exactly one hidden cell. */
    private static void assertNoHiddenCountFollowsFromTotals(List<FeedRow> rows, List<CountDimension> dimensions) {
        for (CountDimension along : dimensions) {
            Map<String, List<FeedRow>> slices = new HashMap<>();
            for (FeedRow row : rows) {
                String key = dimensions.stream().filter(d -> d != along).map(row::value)
                        .collect(Collectors.joining("|"));
                slices.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
            }
            slices.forEach((key, slice) -> assertThat("hidden cells along " + along + " at " + key,
                    slice.size() > 1 ? slice.stream().filter(r -> r.count() == null).count() : 0L, not(equalTo(1L))));
        }
    }

    private static List<String> hidden(List<FeedRow> rows) {
        return rows.stream().filter(r -> r.count() == null).map(FeedRow::category).toList();
    }

    private static List<String> hiddenCells(List<FeedRow> rows) {
        return rows.stream().filter(r -> r.count() == null).map(r -> r.category() + " " + r.month()).toList();
    }

    private static FeedRow category(String category, long count) {
        return new FeedRow(null, null, category, null, null, null, count, null, null, null, null);
    }

    private static FeedRow cell(String category, String month, long count) {
        return new FeedRow(null, month, category, null, null, null, count, null, null, null, null);
    }

    private static FeedRow total(long count) {
        return new FeedRow(null, null, null, null, null, null, count, null, null, null, null);
    }
}
