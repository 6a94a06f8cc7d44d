package org.saferpartnerships.platform.persistence;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class PassingRefusalTest {

    @Test
    void locksDeadlocksAndLostConnectionsPassWhereverTheyAreInTheChain() {
        assertThat(PassingRefusal.in(new IllegalStateException(new SQLException("lock timeout", "55P03"))), is(true));
        assertThat(PassingRefusal.in(new SQLException("deadlock detected", "40P01")), is(true));
        assertThat(PassingRefusal.in(new RuntimeException(new SQLException("connection reset", "08006"))), is(true));
        assertThat(PassingRefusal.in(new SQLException("too many connections", "53300")), is(true));
    }

    @Test
    void noPooledConnectionInTimeIsToldOnlyInWordsAndPassesToo() {
        assertThat(PassingRefusal.in(new SQLException("Acquisition timeout while waiting for new connection")), is(true));
    }

    @Test
    void aBrokenRuleOrABugDoesNotPass() {
        assertThat(PassingRefusal.in(new SQLException("duplicate key value", "23505")), is(false));
        assertThat(PassingRefusal.in(new SQLException("check constraint", "23514")), is(false));
        assertThat(PassingRefusal.in(new NullPointerException()), is(false));
    }

    @Test
    void aChainedSqlExceptionCounts() {
        SQLException batch = new SQLException("batch entry 3 failed", "22000");
        batch.setNextException(new SQLException("serialization failure", "40001"));
        assertThat(PassingRefusal.in(batch), is(true));
    }
}
