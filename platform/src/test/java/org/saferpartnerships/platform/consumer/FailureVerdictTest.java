package org.saferpartnerships.platform.consumer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.saferpartnerships.platform.consumer.FailureCause.DATABASE_DOWN;
import static org.saferpartnerships.platform.consumer.FailureCause.MALFORMED;
import static org.saferpartnerships.platform.consumer.FailureCause.OTHER;
import static org.saferpartnerships.platform.consumer.FailureCause.TRANSIENT;
import static org.saferpartnerships.platform.consumer.FailureVerdict.DEAD_LETTER;
import static org.saferpartnerships.platform.consumer.FailureVerdict.LEAVE_FOR_REDELIVERY;
import static org.saferpartnerships.platform.consumer.FailureVerdict.RETRY;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class FailureVerdictTest {

    private static final int ATTEMPTS = 3;

    @Test
    void aFailureWhileTheServiceStopsIsNeverTheEventsFault() {
        // The shutdown closes Hibernate while the database still answers: formerly three such failures
        // dead-lettered good events, and the counts came out short after a restart.
        assertThat(FailureVerdict.of(true, OTHER, ATTEMPTS, ATTEMPTS), equalTo(LEAVE_FOR_REDELIVERY));
        assertThat(FailureVerdict.of(true, MALFORMED, 1, ATTEMPTS), equalTo(LEAVE_FOR_REDELIVERY));
    }

    @Test
    void aMalformedEventGoesToTheDeadLetterTopicAtOnce() {
        assertThat(FailureVerdict.of(false, MALFORMED, 0, ATTEMPTS), equalTo(DEAD_LETTER));
    }

    @Test
    void anOutageOrARefusalThatPassesIsRetriedHoweverLong() {
        assertThat(FailureVerdict.of(false, DATABASE_DOWN, 0, ATTEMPTS), equalTo(RETRY));
        assertThat(FailureVerdict.of(false, DATABASE_DOWN, 1000, ATTEMPTS), equalTo(RETRY));
        assertThat(FailureVerdict.of(false, TRANSIENT, 1000, ATTEMPTS), equalTo(RETRY));
    }

    @Test
    void anyOtherFailureIsTriedAFewTimesThenDeadLettered() {
        assertThat(FailureVerdict.of(false, OTHER, 1, ATTEMPTS), equalTo(RETRY));
        assertThat(FailureVerdict.of(false, OTHER, 2, ATTEMPTS), equalTo(RETRY));
        assertThat(FailureVerdict.of(false, OTHER, 3, ATTEMPTS), equalTo(DEAD_LETTER));
    }

    @Test
    void deadlocksSerializationFailuresTimeoutsAndLostConnectionsAreTransient() {
        for (String state : new String[] { "40001", "40P01", "55P03", "57014", "57P01", "08006", "08003", "53300" }) {
            assertThat(state, FailureCause.of(wrapped(new SQLException("refused", state)), () -> true),
                    equalTo(TRANSIENT));
        }
    }

    @Test
    void aRuleTheDatabaseEnforcesIsNotTransient() {
        // A unique or check constraint fails the same way every time.
        assertThat(FailureCause.of(wrapped(new SQLException("duplicate key", "23505")), () -> true), equalTo(OTHER));
        assertThat(FailureCause.of(new IllegalStateException("a bug"), () -> true), equalTo(OTHER));
    }

    @Test
    void theStateOfABatchsNextExceptionCounts() {
        BatchUpdateException batch = new BatchUpdateException("batch failed", "22000", new int[0]);
        batch.setNextException(new SQLException("deadlock detected", "40P01"));
        assertThat(FailureCause.of(wrapped(batch), () -> true), equalTo(TRANSIENT));
    }

    @Test
    void anUnreadableEventIsMalformedWhateverTheDatabaseDoes() {
        assertThat(FailureCause.of(wrapped(new MalformedEventException("no data")), () -> {
            throw new AssertionError("the database need not be asked about an unreadable event");
        }), equalTo(MALFORMED));
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsAnOutage() {
        assertThat(FailureCause.of(wrapped(new SQLException("refused", "40P01")), () -> false), equalTo(DATABASE_DOWN));
    }

    /** As Hibernate and the transaction manager hand a failure on. */
    private static RuntimeException wrapped(Exception cause) {
        return new RuntimeException("transaction failed", new IllegalStateException("statement failed", cause));
    }
}
