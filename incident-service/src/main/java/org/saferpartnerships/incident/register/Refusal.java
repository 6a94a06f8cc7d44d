package org.saferpartnerships.incident.register;

/**
 * Why a posted incident was not stored. {@code partnershipId} is the partnership it would have
 * gone to, where one is known; {@code detail} says it in words an agency can act on.
 */
public record Refusal(Reason reason, String partnershipId, String detail) {

    public enum Reason {
        /** No partnership covers the incident's district. */
        NOT_COVERED,
        /** The posted partnership is not one incident-service has heard of. */
        NO_SUCH_PARTNERSHIP,
        /** The posted partnership does not cover the incident's district. */
        OTHER_DISTRICT,
        /** The partnership is not among those the token allows. */
        NOT_IN_TOKEN,
        /** The agency is not a current member of the partnership. */
        NOT_A_MEMBER,
        /** The agency recorded this externalRef before with different content. */
        CHANGED_CONTENT
    }

    /** The caller may not post there (as opposed to: the incident does not fit there). */
    public boolean forbidden() {
        return reason == Reason.NOT_IN_TOKEN || reason == Reason.NOT_A_MEMBER;
    }
}
