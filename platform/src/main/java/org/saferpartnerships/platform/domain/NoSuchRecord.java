package org.saferpartnerships.platform.domain;

/** No such record, or none the caller may know of. */
public class NoSuchRecord extends DomainException {

    public NoSuchRecord(String message) {
        super(Kind.NOT_FOUND, message);
    }
}
