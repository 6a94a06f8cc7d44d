package org.saferpartnerships.partnership.agencies;

import com.fasterxml.jackson.annotation.JsonValue;

import org.saferpartnerships.platform.vocabulary.Term;

/**
 * Kinds of partner agency. The responsible authorities of the Crime and Disorder Act 1998 s.5
 * (councils, police, fire and rescue, probation, health, and formerly the community
 * rehabilitation companies) carry the statutory duty; the others join by agreement.
 */
public enum AgencyType implements Term {
    DISTRICT_COUNCIL("district-council", "District council", true),
    UNITARY_COUNCIL("unitary-council", "Unitary council", true),
    COUNTY_COUNCIL("county-council", "County council", true),
    POLICE("police", "Police", true),
    FIRE_AND_RESCUE("fire-and-rescue", "Fire and rescue", true),
    PROBATION("probation", "Probation", true),
    HEALTH("health", "Health", true),
    COMMUNITY_REHABILITATION("community-rehabilitation", "Community rehabilitation company", true),
    HOUSING("housing", "Housing", false),
    EDUCATION("education", "Education", false),
    VOLUNTARY_SECTOR("voluntary-sector", "Voluntary sector", false),
    BUSINESS_IMPROVEMENT_DISTRICT("business-improvement-district", "Business improvement district", false),
    ARMED_FORCES("armed-forces", "Armed forces", false),
    PCC_OFFICE("pcc-office", "Police and crime commissioner's office", false),
    OTHER("other", "Other", false);

    private final String slug;
    private final String displayName;
    private final boolean responsibleAuthority;

    AgencyType(String slug, String displayName, boolean responsibleAuthority) {
        this.slug = slug;
        this.displayName = displayName;
        this.responsibleAuthority = responsibleAuthority;
    }

    public boolean isResponsibleAuthorityByDefault() {
        return responsibleAuthority;
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
