package org.saferpartnerships.funding.initiatives;

import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

import org.saferpartnerships.platform.vocabulary.Term;

/** An initiative's life: proposed, approved (money committed), then completed or cancelled. */
public enum InitiativeStatus implements Term {
    PROPOSED("proposed", "Proposed"),
    APPROVED("approved", "Approved"),
    COMPLETED("completed", "Completed"),
    CANCELLED("cancelled", "Cancelled");

    private final String slug;
    private final String displayName;

    InitiativeStatus(String slug, String displayName) {
        this.slug = slug;
        this.displayName = displayName;
    }

    /** The statuses an initiative may move to from this one (staying is always allowed). */
    public Set<InitiativeStatus> next() {
        return switch (this) {
            case PROPOSED -> Set.of(APPROVED, CANCELLED);
            case APPROVED -> Set.of(COMPLETED, CANCELLED);
            case COMPLETED, CANCELLED -> Set.of();
        };
    }

    /** Money is spent only on what was approved (and on late invoices of what is completed). */
    public boolean takesSpend() {
        return this == APPROVED || this == COMPLETED;
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
