package org.saferpartnerships.platform.events.incident;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

import org.saferpartnerships.platform.vocabulary.Term;

/**
 * Incident categories: the data.police.uk street-level crime categories, by slug (the value
 * events and the API carry) and display name.
 */
public enum IncidentCategory implements Term {
    ANTI_SOCIAL_BEHAVIOUR("anti-social-behaviour", "Anti-social behaviour"),
    BICYCLE_THEFT("bicycle-theft", "Bicycle theft"),
    BURGLARY("burglary", "Burglary"),
    CRIMINAL_DAMAGE_ARSON("criminal-damage-arson", "Criminal damage and arson"),
    DRUGS("drugs", "Drugs"),
    OTHER_THEFT("other-theft", "Other theft"),
    POSSESSION_OF_WEAPONS("possession-of-weapons", "Possession of weapons"),
    PUBLIC_ORDER("public-order", "Public order"),
    ROBBERY("robbery", "Robbery"),
    SHOPLIFTING("shoplifting", "Shoplifting"),
    THEFT_FROM_THE_PERSON("theft-from-the-person", "Theft from the person"),
    VEHICLE_CRIME("vehicle-crime", "Vehicle crime"),
    VIOLENT_CRIME("violent-crime", "Violence and sexual offences"),
    OTHER_CRIME("other-crime", "Other crime");

    private final String slug;
    private final String displayName;

    IncidentCategory(String slug, String displayName) {
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

    public static Optional<IncidentCategory> ofSlug(String slug) {
        return Term.ofSlug(IncidentCategory.class, slug);
    }
}
