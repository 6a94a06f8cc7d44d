package org.saferpartnerships.platform.audit;

import com.fasterxml.jackson.annotation.JsonValue;

import org.saferpartnerships.platform.vocabulary.Term;

/** How a request ended, as its audit entry says. */
public enum AuditOutcome implements Term {
    /** Answered (2xx, 3xx): the records were read or changed. */
    ALLOWED("allowed", "Allowed"),
    /** Refused (4xx): not permitted, no such record, invalid or conflicting; nothing was changed. */
    REFUSED("refused", "Refused"),
    /** Failed (5xx): nothing was answered, and no change of the request's failed transaction stayed. */
    FAILED("failed", "Failed");

    private final String slug;
    private final String displayName;

    AuditOutcome(String slug, String displayName) {
        this.slug = slug;
        this.displayName = displayName;
    }

    static AuditOutcome of(int status) {
        return status < 400 ? ALLOWED : status < 500 ? REFUSED : FAILED;
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
