package org.saferpartnerships.platform.domain;

/** The caller may not do this to these records. */
public class NotPermitted extends DomainException {

    public NotPermitted(String message) {
        super(Kind.NOT_PERMITTED, message);
    }
}
