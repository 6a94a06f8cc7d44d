package org.saferpartnerships.incident.register;

import org.saferpartnerships.platform.domain.DomainException;

/** A single posting or correction the register refused, with the reason it gives. */
public class PostingRefused extends DomainException {

    private final Refusal refusal;

    public PostingRefused(Refusal refusal) {
        super(kindOf(refusal), refusal.detail());
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }

    /** Not the caller's to post is a refusal of permission; other content under a used externalRef, a conflict. */
    private static Kind kindOf(Refusal refusal) {
        if (refusal.forbidden()) {
            return Kind.NOT_PERMITTED;
        }
        return refusal.reason() == Refusal.Reason.CHANGED_CONTENT ? Kind.CONFLICT : Kind.INVALID;
    }
}
