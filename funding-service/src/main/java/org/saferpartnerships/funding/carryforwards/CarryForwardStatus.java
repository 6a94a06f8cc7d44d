package org.saferpartnerships.funding.carryforwards;

import com.fasterxml.jackson.annotation.JsonValue;

import org.saferpartnerships.platform.vocabulary.Term;

/** Where a request to roll an underspend into the next year stands; only an approved amount counts. */
public enum CarryForwardStatus implements Term {
    REQUESTED("requested", "Requested"),
    APPROVED("approved", "Approved"),
    DECLINED("declined", "Declined");

    private final String slug;
    private final String displayName;

    CarryForwardStatus(String slug, String displayName) {
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
