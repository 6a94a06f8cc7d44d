package org.saferpartnerships.reporting.feeds;

import java.util.List;

/**
 * Whom a feed answers: analysts, officers and admins get exact counts; viewers (committee members,
 * the public) get counts below the disclosure threshold suppressed. Decided once per request
 * ({@link FeedAccess#audience()}); every feed applies it where its rows are produced and states it
 * in its answer.
 */
public final class Audience {

    private final boolean exact;
    private final DisclosureControl control;

    Audience(boolean exact, DisclosureControl control) {
        this.exact = exact;
        this.control = control;
    }

    public boolean exact() {
        return exact;
    }

    public int threshold() {
        return control.threshold();
    }

    /** The rows as this audience may see them: for viewers, with small counts and their give-aways suppressed. */
    public List<FeedRow> disclose(List<FeedRow> rows, List<CountDimension> dimensions) {
        return exact ? rows : control.suppress(rows, dimensions);
    }

    /** Whether a count that stands alone (a place, not a cell of a table) may be shown. */
    public boolean mayShow(long count) {
        return exact || count >= control.threshold();
    }

    /** What the answer says about disclosure. */
    public IncidentCountFeed.Disclosure statement() {
        return statement(control.rule());
    }

    /** The same, for a feed that leaves small counts out instead of suppressing cells ({@code suppressedRule}). */
    public IncidentCountFeed.Disclosure statement(String suppressedRule) {
        return exact
                ? new IncidentCountFeed.Disclosure(false, control.threshold(),
                        "Exact counts: the caller is an analyst or officer of the partnership.")
                : new IncidentCountFeed.Disclosure(true, control.threshold(), suppressedRule);
    }
}
