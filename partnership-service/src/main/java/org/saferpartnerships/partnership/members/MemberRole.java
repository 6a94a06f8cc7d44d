package org.saferpartnerships.partnership.members;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An agency's role in a partnership's board (the Responsible Authorities Group). */
public enum MemberRole {
    @JsonProperty("chair") CHAIR,
    @JsonProperty("vice-chair") VICE_CHAIR,
    @JsonProperty("member") MEMBER;

    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
