package org.saferpartnerships.partnership.governance;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How often a body meets. */
public enum Cadence {
    @JsonProperty("weekly") WEEKLY,
    @JsonProperty("fortnightly") FORTNIGHTLY,
    @JsonProperty("monthly") MONTHLY,
    @JsonProperty("bi-monthly") BI_MONTHLY,
    @JsonProperty("quarterly") QUARTERLY,
    @JsonProperty("twice-yearly") TWICE_YEARLY,
    @JsonProperty("annually") ANNUALLY,
    @JsonProperty("as-needed") AS_NEEDED
}
