package org.saferpartnerships.incident.reference;

import com.fasterxml.jackson.annotation.JsonValue;

import org.saferpartnerships.platform.vocabulary.Term;

/** ASB enforcement and early-intervention tools (Anti-social Behaviour, Crime and Policing Act 2014 and others). */
public enum EnforcementType implements Term {
    CPW("cpw", "Community Protection Warning"),
    CPN("cpn", "Community Protection Notice"),
    FPN("fpn", "Fixed Penalty Notice"),
    CBO("cbo", "Criminal Behaviour Order"),
    CLOSURE_ORDER("closure-order", "Closure order"),
    INJUNCTION("injunction", "Civil injunction"),
    ACCEPTABLE_BEHAVIOUR_CONTRACT("acceptable-behaviour-contract", "Acceptable behaviour contract"),
    PSPO_BREACH("pspo-breach", "Public Space Protection Order breach"),
    WARNING_LETTER("warning-letter", "Warning letter"),
    REFERRAL_TO_SUPPORT("referral-to-support", "Referral to support");

    private final String slug;
    private final String displayName;

    EnforcementType(String slug, String displayName) {
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
