package org.saferpartnerships.platform.domain;

/** A rule of the domain that the request breaks. */
public class RuleViolated extends DomainException {

    public RuleViolated(String message) {
        super(Kind.INVALID, message);
    }
}
