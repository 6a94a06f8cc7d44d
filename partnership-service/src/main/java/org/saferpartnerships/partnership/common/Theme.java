package org.saferpartnerships.partnership.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The fixed taxonomy of community safety themes priorities (and assessment issues) are filed under. */
public enum Theme {
    @JsonProperty("anti-social-behaviour") ANTI_SOCIAL_BEHAVIOUR,
    @JsonProperty("violence-knife-crime") VIOLENCE_KNIFE_CRIME,
    @JsonProperty("domestic-abuse") DOMESTIC_ABUSE,
    @JsonProperty("violence-against-women-and-girls") VIOLENCE_AGAINST_WOMEN_AND_GIRLS,
    @JsonProperty("hate-crime") HATE_CRIME,
    @JsonProperty("drugs-county-lines") DRUGS_COUNTY_LINES,
    @JsonProperty("exploitation-vulnerable-people") EXPLOITATION_VULNERABLE_PEOPLE,
    @JsonProperty("hidden-harms") HIDDEN_HARMS,
    @JsonProperty("road-safety") ROAD_SAFETY,
    @JsonProperty("rural-crime") RURAL_CRIME,
    @JsonProperty("cybercrime") CYBERCRIME,
    @JsonProperty("organised-crime") ORGANISED_CRIME,
    @JsonProperty("reoffending") REOFFENDING,
    @JsonProperty("prevent") PREVENT,
    @JsonProperty("other") OTHER
}
