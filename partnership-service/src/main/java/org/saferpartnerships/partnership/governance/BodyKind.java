package org.saferpartnerships.partnership.governance;

import com.fasterxml.jackson.annotation.JsonValue;

import org.saferpartnerships.platform.vocabulary.Term;

/** The bodies through which a partnership governs and tasks its work. */
public enum BodyKind implements Term {
    /** The statutory board of responsible authorities that adopts priorities and plans. */
    RESPONSIBLE_AUTHORITIES_GROUP("responsible-authorities-group", "Responsible Authorities Group"),
    /** The operational tasking arm. */
    JOINT_ACTION_GROUP("joint-action-group", "Joint Action Group"),
    /** Multi-agency case and hotspot tasking. */
    COMMUNITY_SAFETY_HUB("community-safety-hub", "Community Safety Hub"),
    STEERING_GROUP("steering-group", "Steering group"),
    SUB_GROUP("sub-group", "Sub-group"),
    OTHER("other", "Other");

    private final String slug;
    private final String displayName;

    BodyKind(String slug, String displayName) {
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
