package org.saferpartnerships.funding.funders;

import com.fasterxml.jackson.annotation.JsonValue;

import org.saferpartnerships.platform.vocabulary.Term;

/**
 * What kind of body a funder is. A commissioner's office is named by its function, not "PCC": the
 * role is due to pass to mayors and others, and the office's name says who it is today.
 */
public enum FunderKind implements Term {
    COMMISSIONER("commissioner", "Police (Fire) and Crime Commissioner's office"),
    GOVERNMENT_DEPARTMENT("government-department", "Government department"),
    LOCAL_AUTHORITY("local-authority", "Local authority"),
    PARTNER_AGENCY("partner-agency", "Partner agency"),
    CHARITABLE_TRUST("charitable-trust", "Charitable trust"),
    OTHER("other", "Other funder");

    private final String slug;
    private final String displayName;

    FunderKind(String slug, String displayName) {
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
