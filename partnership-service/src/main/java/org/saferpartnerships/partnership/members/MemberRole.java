package org.saferpartnerships.partnership.members;

import com.fasterxml.jackson.annotation.JsonValue;

import org.saferpartnerships.platform.vocabulary.Term;

/** An agency's role in a partnership's board (the Responsible Authorities Group). */
public enum MemberRole implements Term {
    CHAIR("chair", "Chair"),
    VICE_CHAIR("vice-chair", "Vice-chair"),
    MEMBER("member", "Member");

    private final String slug;
    private final String displayName;

    MemberRole(String slug, String displayName) {
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
