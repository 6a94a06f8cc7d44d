package org.saferpartnerships.funding.funders;

import com.fasterxml.jackson.annotation.JsonValue;

import org.saferpartnerships.platform.vocabulary.Term;

/** What a stream of money is for, as the council papers account for it. */
public enum StreamKind implements Term {
    CORE_GRANT("core-grant", "Core community safety grant"),
    DEVELOPMENT_FUND("development-fund", "Development fund"),
    EXTERNAL_BID("external-bid", "External bid"),
    PARTNER_CONTRIBUTION("partner-contribution", "Partner contribution");

    private final String slug;
    private final String displayName;

    StreamKind(String slug, String displayName) {
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
