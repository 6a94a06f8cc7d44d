package org.saferpartnerships.funding.budget;

import com.fasterxml.jackson.annotation.JsonValue;

import org.saferpartnerships.platform.vocabulary.Term;

/** Where a partnership's financial year stands: open, published to its viewers, or closed. */
public enum YearStatus implements Term {
    OPEN("open", "Open"),
    PUBLISHED("published", "Published"),
    CLOSED("closed", "Closed");

    private final String slug;
    private final String displayName;

    YearStatus(String slug, String displayName) {
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
