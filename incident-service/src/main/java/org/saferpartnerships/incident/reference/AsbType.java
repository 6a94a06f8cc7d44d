package org.saferpartnerships.incident.reference;

import com.fasterxml.jackson.annotation.JsonValue;

import org.saferpartnerships.platform.vocabulary.Term;

/** The Home Office's three types of anti-social behaviour. */
public enum AsbType implements Term {
    PERSONAL("personal", "Personal: targeted at an individual or group"),
    NUISANCE("nuisance", "Nuisance: causing trouble or annoyance to a community"),
    ENVIRONMENTAL("environmental", "Environmental: affecting the surroundings, e.g. litter, graffiti, fly-tipping");

    private final String slug;
    private final String displayName;

    AsbType(String slug, String displayName) {
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
