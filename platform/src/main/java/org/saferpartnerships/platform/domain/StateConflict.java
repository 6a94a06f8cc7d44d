package org.saferpartnerships.platform.domain;

/** The records' present state does not allow the change. */
public class StateConflict extends DomainException {

    public StateConflict(String message) {
        super(Kind.CONFLICT, message);
    }
}
