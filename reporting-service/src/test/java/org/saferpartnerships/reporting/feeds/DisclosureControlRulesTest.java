package org.saferpartnerships.reporting.feeds;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The rule on its own; DisclosureControlTest proves feeds apply it per audience. */
class DisclosureControlRulesTest {

    private final DisclosureControl control = new DisclosureControl(8, 5);

    @Test
    void zeroIsShownOneToSevenAreSuppressedAndTheRestRoundToTheNearestFive() {
        assertThat(control.disclose(0), equalTo(0L));
        for (long small = 1; small <= 7; small++) {
            assertThat("count " + small, control.disclose(small), nullValue());
        }
        assertThat(control.disclose(8), equalTo(10L));
        assertThat(control.disclose(12), equalTo(10L));
        assertThat(control.disclose(13), equalTo(15L));
        assertThat(control.disclose(1234), equalTo(1235L));
        assertThat(control.disclose(1237), equalTo(1235L));
    }

    /**
     * Whatever two answers a viewer holds — one count x inside another y, e.g. January–June inside
     * January–July — the counts consistent with both leave the difference y - x, the count of what
     * lies between, with at least five possible values unless both answers are 0.
     */
    @Test
    void noDifferenceOfTwoAnswersPinsACount() {
        int range = 220;
        Long[] shown = new Long[range + 1];
        for (int count = 0; count <= range; count++) {
            shown[count] = control.disclose(count);
        }
        Map<String, Long> possibleDifferences = new HashMap<>();
        for (int x = 0; x <= 200; x++) {
            for (int y = Math.max(x, 1); y <= 200; y++) {
                Long shownX = shown[x];
                Long shownY = shown[y];
                long possible = possibleDifferences.computeIfAbsent(shownX + "," + shownY,
                        answers -> IntStream.rangeClosed(0, range).boxed().flatMap(a -> IntStream.rangeClosed(a, range)
                                .filter(b -> Objects.equals(shown[a], shownX) && Objects.equals(shown[b], shownY))
                                .mapToObj(b -> b - a)).distinct().count());
                assertThat("answers " + shownX + " and " + shownY + " (true " + x + ", " + y + ")", possible,
                        greaterThanOrEqualTo(5L));
            }
        }
    }

    @Test
    void theRuleIsConfigurableAndTheStatedRuleFollowsIt() {
        DisclosureControl stricter = new DisclosureControl(11, 10);

        assertThat(stricter.disclose(10), nullValue());
        assertThat(stricter.disclose(11), equalTo(10L));
        assertThat(stricter.disclose(15), equalTo(20L));
        assertThat(control.rule(), containsString("from 1 to 7 are suppressed and all others rounded to the nearest 5"));
        assertThat(stricter.rule(), containsString("from 1 to 10 are suppressed and all others rounded to the nearest 10"));
    }
}
