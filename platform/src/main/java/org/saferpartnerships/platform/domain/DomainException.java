package org.saferpartnerships.platform.domain;

/**
 * What an application service refuses, in the domain's words; never an HTTP status. Subclasses
 * name the rule; {@link Kind} says what sort of refusal it is, which is all the edge needs to
 * answer it (platform/api's {@code DomainExceptionMapper}).
 */
public abstract class DomainException extends RuntimeException {

    public enum Kind {
        /** The request breaks a rule of the domain: asking again unchanged cannot succeed. */
        INVALID,
        /** The caller may not do this. */
        NOT_PERMITTED,
        /** No such record, or none the caller may know of. */
        NOT_FOUND,
        /** The records' present state does not allow it. */
        CONFLICT,
        /** Too large to be kept or published as one. */
        TOO_LARGE
    }

    private final Kind kind;

    protected DomainException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
