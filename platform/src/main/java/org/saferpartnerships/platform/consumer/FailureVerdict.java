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
     * unreadable event never gets better; an outage is waited out however long it lasts; any
     * other failure gets {@code attemptsWhileDatabaseAnswers} tries.
     *
     * @param failedAttempts attempts that have failed while the database answered, this one included
     */
    static FailureVerdict of(boolean stopping, boolean malformed, boolean databaseAnswers, int failedAttempts,
            int attemptsWhileDatabaseAnswers) {
        if (stopping) {
            return LEAVE_FOR_REDELIVERY;
        }
        if (malformed) {
            return DEAD_LETTER;
        }
        if (!databaseAnswers) {
            return RETRY;
        }
        return failedAttempts >= attemptsWhileDatabaseAnswers ? DEAD_LETTER : RETRY;
    }
}
