package org.saferpartnerships.partnership.agencies;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Kinds of partner agency. The responsible authorities of the Crime and Disorder Act 1998 s.5
 * (councils, police, fire and rescue, probation, health, and formerly the community
 * rehabilitation companies) carry the statutory duty; the others join by agreement.
 */
public enum AgencyType {
    @JsonProperty("district-council") DISTRICT_COUNCIL(true),
    @JsonProperty("unitary-council") UNITARY_COUNCIL(true),
    @JsonProperty("county-council") COUNTY_COUNCIL(true),
    @JsonProperty("police") POLICE(true),
    @JsonProperty("fire-and-rescue") FIRE_AND_RESCUE(true),
    @JsonProperty("probation") PROBATION(true),
    @JsonProperty("health") HEALTH(true),
    @JsonProperty("community-rehabilitation") COMMUNITY_REHABILITATION(true),
    @JsonProperty("housing") HOUSING(false),
    @JsonProperty("education") EDUCATION(false),
    @JsonProperty("voluntary-sector") VOLUNTARY_SECTOR(false),
    @JsonProperty("business-improvement-district") BUSINESS_IMPROVEMENT_DISTRICT(false),
    @JsonProperty("armed-forces") ARMED_FORCES(false),
    @JsonProperty("pcc-office") PCC_OFFICE(false),
    @JsonProperty("other") OTHER(false);

    private final boolean responsibleAuthority;

    AgencyType(boolean responsibleAuthority) {
        this.responsibleAuthority = responsibleAuthority;
    }

    public boolean isResponsibleAuthorityByDefault() {
        return responsibleAuthority;
    }

    /** The name used in the API and in events. */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
