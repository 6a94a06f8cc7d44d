package org.saferpartnerships.reporting.feeds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Statistical disclosure control for people who must not see small numbers (committee members,
 * the public). Primary suppression hides counts below the threshold. Secondary suppression then
 * hides more cells wherever a row or column of the table (a slice along one dimension, whose
 * total another query could give) would otherwise hold exactly one hidden cell, so no hidden
 * value can be worked out by subtraction. It repeats until no slice has a lone hidden cell.
 */
@ApplicationScoped
public class DisclosureControl {

    private final int threshold;

    DisclosureControl(@ConfigProperty(name = "csp.disclosure.threshold", defaultValue = "5") int threshold) {
        this.threshold = threshold;
    }

    public int threshold() {
        return threshold;
    }

    public String rule() {
        return "Counts from 1 to " + (threshold - 1) + " are suppressed, and further cells in the same rows and "
                + "columns, so that no suppressed count can be worked out from totals.";
    }

    /** @return the rows with suppressed counts set to null and marked suppressed */
    public List<FeedRow> suppress(List<FeedRow> rows, List<CountDimension> dimensions) {
        List<FeedRow> result = new ArrayList<>(rows);
        boolean[] hidden = new boolean[result.size()];
        for (int i = 0; i < result.size(); i++) {
            long count = result.get(i).count();
            hidden[i] = count > 0 && count < threshold;
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (CountDimension along : dimensions.isEmpty() ? List.<CountDimension>of() : dimensions) {
                for (List<Integer> slice : slices(result, dimensions, along)) {
                    if (slice.stream().filter(i -> hidden[i]).count() == 1) {
                        Integer partner = slice.stream().filter(i -> !hidden[i])
                                .min(Comparator.comparingLong(i -> result.get(i).count())).orElse(null);
                        if (partner != null) {
                            hidden[partner] = true;
                            changed = true;
                        }
                    }
                }
            }
        }
        for (int i = 0; i < result.size(); i++) {
            if (hidden[i]) {
                result.set(i, result.get(i).withCount(null, true));
            }
        }
        return result;
    }

    /** Row indexes grouped by every dimension but {@code along}: the cells one marginal total sums. */
    private static List<List<Integer>> slices(List<FeedRow> rows, List<CountDimension> dimensions,
            CountDimension along) {
        Map<String, List<Integer>> slices = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            FeedRow row = rows.get(i);
            String key = dimensions.stream().filter(d -> d != along).map(row::value)
                    .collect(Collectors.joining("\u0000"));
            slices.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        return List.copyOf(slices.values());
    }
}
