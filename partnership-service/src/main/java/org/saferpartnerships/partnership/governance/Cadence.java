package org.saferpartnerships.partnership.governance;

import com.fasterxml.jackson.annotation.JsonValue;

import org.saferpartnerships.platform.vocabulary.Term;

/** How often a body meets. */
public enum Cadence implements Term {
    WEEKLY("weekly", "Weekly"),
    FORTNIGHTLY("fortnightly", "Fortnightly"),
    MONTHLY("monthly", "Monthly"),
    BI_MONTHLY("bi-monthly", "Bi-monthly"),
    QUARTERLY("quarterly", "Quarterly"),
    TWICE_YEARLY("twice-yearly", "Twice yearly"),
    ANNUALLY("annually", "Annually"),
    AS_NEEDED("as-needed", "As needed");

    private final String slug;
    private final String displayName;

    Cadence(String slug, String displayName) {
        this.slug = slug;
        this.displayName = displayName;
    }

    @JsonValue
    @Override
    public String slug() {
        return slug;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
