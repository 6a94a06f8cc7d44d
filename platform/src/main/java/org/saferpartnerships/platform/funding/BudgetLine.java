package org.saferpartnerships.platform.funding;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A budget position, for one stream or in total: the arithmetic funding-service answers with and
 * reporting-service projects, kept in one place so the two never disagree. Every figure is pounds
 * with two decimals, and the position always adds up exactly:
 * <ul>
 * <li>net = gross − top-sliced</li>
 * <li>available = net + carried forward in</li>
 * <li>remaining = available − spent</li>
 * <li>anticipated underspend = available − forecast outturn (negative: an overspend, flagged)</li>
 * </ul>
 * Committed is what approved and completed initiatives were given; the forecast outturn is what the
 * year is expected to come to (see {@link #forecastOf}). Carried out is the part of the year's
 * underspend the funder approved to roll into the next year, where it is counted as carried in:
 * adding years' underspends without subtracting it would count that money twice.
 */
public record BudgetLine(BigDecimal gross, BigDecimal topSliced, BigDecimal net, BigDecimal carriedIn,
        BigDecimal available, BigDecimal committed, BigDecimal spent, BigDecimal remaining, BigDecimal forecastOutturn,
        BigDecimal anticipatedUnderspend, BigDecimal carriedOut, boolean overspent) {

    public static final BudgetLine NONE = of(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    public static BudgetLine of(BigDecimal gross, BigDecimal topSliced, BigDecimal carriedIn, BigDecimal carriedOut,
            BigDecimal committed, BigDecimal spent, BigDecimal forecastOutturn) {
        BigDecimal net = pounds(gross).subtract(pounds(topSliced));
        BigDecimal available = net.add(pounds(carriedIn));
        BigDecimal underspend = available.subtract(pounds(forecastOutturn));
        return new BudgetLine(pounds(gross), pounds(topSliced), net, pounds(carriedIn), available, pounds(committed),
                pounds(spent), available.subtract(pounds(spent)), pounds(forecastOutturn), underspend,
                pounds(carriedOut), underspend.signum() < 0);
    }

    /**
     * What one initiative is expected to cost the year: an approved one its commitment, or what has
     * been spent on it if that is more; a completed or cancelled one what was spent on it; a
     * proposed one nothing yet. {@code committed} is null where no amount was published.
     */
    public static BigDecimal forecastOf(String status, BigDecimal committed, BigDecimal spent) {
        BigDecimal onIt = pounds(spent);
        return switch (status) {
            case "approved" -> committed == null ? onIt : pounds(committed).max(onIt);
            case "completed", "cancelled" -> onIt;
            default -> BigDecimal.ZERO.setScale(2);
        };
    }

    /** Two lines added up, as the total of several streams. */
    public BudgetLine plus(BudgetLine other) {
        return of(gross.add(other.gross), topSliced.add(other.topSliced), carriedIn.add(other.carriedIn),
                carriedOut.add(other.carriedOut), committed.add(other.committed), spent.add(other.spent),
                forecastOutturn.add(other.forecastOutturn));
    }

    /** The same position with its forecast replaced, e.g. by the outturn a closed year fixed. */
    public BudgetLine withForecast(BigDecimal outturn) {
        return of(gross, topSliced, carriedIn, carriedOut, committed, spent, outturn);
    }

    /** Pounds to the penny; refuses a value with fractions of a penny rather than rounding them away. */
    public static BigDecimal pounds(BigDecimal amount) {
        return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.UNNECESSARY);
    }
}
