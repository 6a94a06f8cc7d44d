package org.saferpartnerships.reporting.feeds;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Statistical disclosure control for people who must not see small numbers (committee members,
 * the public), by the rule NHS England publishes its statistics under (Hospital Episode
 * Statistics and others): 0 is shown as 0, a count from 1 to 7 is suppressed, and every other
 * count is rounded to the nearest 5. Each figure is treated on its own, whichever period, filter or
 * grouping it answers, so the same figure reads the same in every answer and a difference of any
 * two answers is never exact: suppression holds across requests, not only inside one table. Cell
 * suppression (hiding further cells so totals give nothing away) holds only inside one table; a
 * viewer free to choose periods undoes it by asking two overlapping ones.
 */
@ApplicationScoped
public class DisclosureControl {

    private final int threshold;
    private final int roundingBase;

    DisclosureControl(@ConfigProperty(name = "csp.disclosure.threshold", defaultValue = "8") int threshold,
            @ConfigProperty(name = "csp.disclosure.rounding-base", defaultValue = "5") int roundingBase) {
        this.threshold = threshold;
        this.roundingBase = roundingBase;
    }

    /** The smallest count a viewer may see (rounded). */
    public int threshold() {
        return threshold;
    }

    public int roundingBase() {
        return roundingBase;
    }

    public String rule() {
        return "Counts from 1 to " + (threshold - 1) + " are suppressed and all others rounded to the nearest "
                + roundingBase + ", so that no small count can be worked out from totals or from two answers.";
    }

    /** @return the count as a viewer may see it, or null where it is suppressed */
    public Long disclose(long count) {
        if (count == 0) {
            return 0L;
        }
        if (count < threshold) {
            return null;
        }
        return (count + roundingBase / 2) / roundingBase * roundingBase;
    }
}
