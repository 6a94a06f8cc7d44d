package org.saferpartnerships.reporting.feeds;

import java.util.List;

/**
 * Whom a feed answers: analysts, officers and admins get exact counts; viewers (committee members,
 * the public) get every count through {@link DisclosureControl}. Decided once per request
 * ({@link FeedAccess#audience()}); every feed applies it where its figures are produced, before any
 * change or percentage is worked out from them, and states it in its answer.
 */
public final class Audience {

    private final boolean exact;
    private final DisclosureControl control;

    Audience(boolean exact, DisclosureControl control) {
        this.exact = exact;
        this.control = control;
    }

    /** The audience of anything published: everyone, so every figure under disclosure control. */
    public static Audience publicAudience(DisclosureControl control) {
        return new Audience(false, control);
    }

    public boolean exact() {
        return exact;
    }

    public int threshold() {
        return control.threshold();
    }

    public int roundingBase() {
        return control.roundingBase();
    }

    /** The rows as this audience may see them: for viewers, small counts suppressed and the rest rounded. */
    public List<FeedRow> disclose(List<FeedRow> rows) {
        return exact ? rows : rows.stream().map(row -> {
            Long shown = control.disclose(row.count());
            return shown == null ? row.withCount(null, true) : row.withCount(shown, null);
        }).toList();
    }

    /** One count as this audience may see it; null where it is suppressed. */
    public Long disclose(long count) {
        return exact ? Long.valueOf(count) : control.disclose(count);
    }

    /** What the answer says about disclosure. */
    public IncidentCountFeed.Disclosure statement() {
        return statement(control.rule());
    }

    /** The same, for a feed that leaves suppressed figures out instead of marking them ({@code suppressedRule}). */
    public IncidentCountFeed.Disclosure statement(String suppressedRule) {
        return exact
                ? new IncidentCountFeed.Disclosure(false, control.threshold(), null,
                        "Exact counts: the caller is an analyst or officer of the partnership.")
                : new IncidentCountFeed.Disclosure(true, control.threshold(), control.roundingBase(), suppressedRule);
    }
}
