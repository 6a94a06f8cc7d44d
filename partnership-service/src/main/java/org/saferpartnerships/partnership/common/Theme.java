package org.saferpartnerships.partnership.common;

import com.fasterxml.jackson.annotation.JsonValue;

import org.saferpartnerships.platform.vocabulary.Term;

/** The fixed taxonomy of community safety themes priorities (and assessment issues) are filed under. */
public enum Theme implements Term {
    ANTI_SOCIAL_BEHAVIOUR("anti-social-behaviour", "Anti-social behaviour"),
    VIOLENCE_KNIFE_CRIME("violence-knife-crime", "Violence and knife crime"),
    DOMESTIC_ABUSE("domestic-abuse", "Domestic abuse"),
    VIOLENCE_AGAINST_WOMEN_AND_GIRLS("violence-against-women-and-girls", "Violence against women and girls"),
    HATE_CRIME("hate-crime", "Hate crime"),
    DRUGS_COUNTY_LINES("drugs-county-lines", "Drugs and county lines"),
    EXPLOITATION_VULNERABLE_PEOPLE("exploitation-vulnerable-people", "Exploitation of vulnerable people"),
    HIDDEN_HARMS("hidden-harms", "Hidden harms"),
    ROAD_SAFETY("road-safety", "Road safety"),
    RURAL_CRIME("rural-crime", "Rural crime"),
    CYBERCRIME("cybercrime", "Cybercrime"),
    ORGANISED_CRIME("organised-crime", "Organised crime"),
    REOFFENDING("reoffending", "Reoffending"),
    PREVENT("prevent", "Prevent"),
    OTHER("other", "Other");

    private final String slug;
    private final String displayName;

    Theme(String slug, String displayName) {
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
