package org.saferpartnerships.incident.reference;

import com.fasterxml.jackson.annotation.JsonValue;

import org.saferpartnerships.platform.vocabulary.Term;

/** The five monitored strands of hate crime (England and Wales), plus other. */
public enum HateCrimeStrand implements Term {
    RACE("race", "Race or ethnicity"),
    RELIGION("religion", "Religion or belief"),
    SEXUAL_ORIENTATION("sexual-orientation", "Sexual orientation"),
    DISABILITY("disability", "Disability"),
    TRANSGENDER("transgender", "Transgender identity"),
    OTHER("other", "Other");

    private final String slug;
    private final String displayName;

    HateCrimeStrand(String slug, String displayName) {
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
