package org.saferpartnerships.incident.reference;

import com.fasterxml.jackson.annotation.JsonValue;

import org.saferpartnerships.platform.vocabulary.Term;

/** Markers partnerships count incidents by, across categories. */
public enum IncidentFlag implements Term {
    HATE_CRIME("hate-crime", "Hate crime or incident"),
    DOMESTIC_ABUSE("domestic-abuse", "Domestic abuse"),
    KNIFE("knife", "Knife or bladed article"),
    ALCOHOL_RELATED("alcohol-related", "Alcohol-related"),
    DRUG_RELATED("drug-related", "Drug-related"),
    COUNTY_LINES("county-lines", "County lines"),
    RURAL("rural", "Rural"),
    REPEAT_VICTIM("repeat-victim", "Repeat victim"),
    VULNERABLE_VICTIM("vulnerable-victim", "Vulnerable victim");

    private final String slug;
    private final String displayName;

    IncidentFlag(String slug, String displayName) {
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
