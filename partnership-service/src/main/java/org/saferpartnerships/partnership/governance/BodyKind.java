package org.saferpartnerships.partnership.governance;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The bodies through which a partnership governs and tasks its work. */
public enum BodyKind {
    /** The statutory board of responsible authorities that adopts priorities and plans. */
    @JsonProperty("responsible-authorities-group") RESPONSIBLE_AUTHORITIES_GROUP,
    /** The operational tasking arm. */
    @JsonProperty("joint-action-group") JOINT_ACTION_GROUP,
    /** Multi-agency case and hotspot tasking. */
    @JsonProperty("community-safety-hub") COMMUNITY_SAFETY_HUB,
    @JsonProperty("steering-group") STEERING_GROUP,
    @JsonProperty("sub-group") SUB_GROUP,
    @JsonProperty("other") OTHER
}
