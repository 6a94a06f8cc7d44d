package org.saferpartnerships.platform.partnership;

import com.fasterxml.jackson.annotation.JsonValue;

import org.saferpartnerships.platform.vocabulary.Term;

/** RAG-style delivery status of a plan action, as partnership plans report it. */
public enum ActionStatus implements Term {
    NOT_STARTED("not-started", "Not started"),
    ON_TRACK("on-track", "On track"),
    AT_RISK("at-risk", "At risk"),
    OFF_TRACK("off-track", "Off track"),
    COMPLETE("complete", "Complete");

    private final String slug;
    private final String displayName;

    ActionStatus(String slug, String displayName) {
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
