package org.saferpartnerships.partnership.governance;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a meeting decided, so decisions can be found by kind (e.g. when were priorities adopted). */
public enum DecisionKind {
    @JsonProperty("priorities-adopted") PRIORITIES_ADOPTED,
    @JsonProperty("funding-approved") FUNDING_APPROVED,
    @JsonProperty("assessment-endorsed") ASSESSMENT_ENDORSED,
    @JsonProperty("plan-approved") PLAN_APPROVED,
    @JsonProperty("strategy-approved") STRATEGY_APPROVED,
    @JsonProperty("membership-changed") MEMBERSHIP_CHANGED,
    @JsonProperty("other") OTHER
}
