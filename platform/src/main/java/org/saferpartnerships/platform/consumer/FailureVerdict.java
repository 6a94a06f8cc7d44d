package org.saferpartnerships.platform.consumer;

/** What a consumer does with an event whose application failed. */
enum FailureVerdict {

    /** Try again after a pause: the failure may pass (an outage, a deadlock). */
    RETRY,
    /** The event itself is at fault: it goes to the dead-letter topic, so the partition moves on. */
    DEAD_LETTER,
    /** The service is stopping: neither acknowledged nor dead-lettered, the event comes again after the restart. */
    LEAVE_FOR_REDELIVERY;

    /**
     * The rule, in the order it is decided: a stopping service blames nothing on the event; an
     * unreadable event never gets better; an outage, or a refusal that passes (a deadlock, a
     * timeout), is retried however long it lasts; any other failure gets
     * {@code attemptsAtOtherFailures} tries.
     *
     * @param otherFailures attempts that have failed for another cause, this one included
     */
    static FailureVerdict of(boolean stopping, FailureCause cause, int otherFailures, int attemptsAtOtherFailures) {
        if (stopping) {
            return LEAVE_FOR_REDELIVERY;
        }
        return switch (cause) {
            case MALFORMED -> DEAD_LETTER;
            case DATABASE_DOWN, TRANSIENT -> RETRY;
            case OTHER -> otherFailures >= attemptsAtOtherFailures ? DEAD_LETTER : RETRY;
        };
    }
}
