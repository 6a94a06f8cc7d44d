package org.saferpartnerships.platform.consumer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.saferpartnerships.platform.consumer.FailureVerdict.DEAD_LETTER;
import static org.saferpartnerships.platform.consumer.FailureVerdict.LEAVE_FOR_REDELIVERY;
import static org.saferpartnerships.platform.consumer.FailureVerdict.RETRY;

import org.junit.jupiter.api.Test;

class FailureVerdictTest {

    private static final int ATTEMPTS = 3;

    @Test
    void aFailureWhileTheServiceStopsIsNeverTheEventsFault() {
        // The shutdown closes Hibernate while the database still answers: formerly three such failures
        // dead-lettered good events, and the counts came out short after a restart.
        assertThat(FailureVerdict.of(true, false, true, ATTEMPTS, ATTEMPTS), equalTo(LEAVE_FOR_REDELIVERY));
        assertThat(FailureVerdict.of(true, true, true, 1, ATTEMPTS), equalTo(LEAVE_FOR_REDELIVERY));
    }

    @Test
    void aMalformedEventGoesToTheDeadLetterTopicAtOnce() {
        assertThat(FailureVerdict.of(false, true, true, 0, ATTEMPTS), equalTo(DEAD_LETTER));
    }

    @Test
    void anOutageIsWaitedOutHoweverLong() {
        assertThat(FailureVerdict.of(false, false, false, 0, ATTEMPTS), equalTo(RETRY));
        assertThat(FailureVerdict.of(false, false, false, 1000, ATTEMPTS), equalTo(RETRY));
    }

    @Test
    void anyOtherFailureIsTriedAFewTimesThenDeadLettered() {
        assertThat(FailureVerdict.of(false, false, true, 1, ATTEMPTS), equalTo(RETRY));
        assertThat(FailureVerdict.of(false, false, true, 2, ATTEMPTS), equalTo(RETRY));
        assertThat(FailureVerdict.of(false, false, true, 3, ATTEMPTS), equalTo(DEAD_LETTER));
    }
}
