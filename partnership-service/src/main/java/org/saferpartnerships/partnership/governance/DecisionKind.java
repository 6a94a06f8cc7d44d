package org.saferpartnerships.partnership.governance;

import com.fasterxml.jackson.annotation.JsonValue;

import org.saferpartnerships.platform.vocabulary.Term;

/** What a meeting decided, so decisions can be found by kind (e.g. when were priorities adopted). */
public enum DecisionKind implements Term {
    PRIORITIES_ADOPTED("priorities-adopted", "Priorities adopted"),
    FUNDING_APPROVED("funding-approved", "Funding approved"),
    ASSESSMENT_ENDORSED("assessment-endorsed", "Assessment endorsed"),
    PLAN_APPROVED("plan-approved", "Plan approved"),
    STRATEGY_APPROVED("strategy-approved", "Strategy approved"),
    MEMBERSHIP_CHANGED("membership-changed", "Membership changed"),
    OTHER("other", "Other");

    private final String slug;
    private final String displayName;

    DecisionKind(String slug, String displayName) {
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
