package org.saferpartnerships.partnership.plans;

import com.fasterxml.jackson.annotation.JsonProperty;

/** RAG-style delivery status of a plan action, as partnership plans report it. */
public enum ActionStatus {
    @JsonProperty("not-started") NOT_STARTED,
    @JsonProperty("on-track") ON_TRACK,
    @JsonProperty("at-risk") AT_RISK,
    @JsonProperty("off-track") OFF_TRACK,
    @JsonProperty("complete") COMPLETE
}
