package org.saferpartnerships.platform.persistence;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void anIdIsAVersion7UuidCarryingItsCreationTime() {
        long before = System.currentTimeMillis();
        UUID id = TimeOrderedIds.next();
        long after = System.currentTimeMillis();
        assertThat(id.version(), equalTo(7));
        assertThat(id.variant(), equalTo(2));
        long millis = id.getMostSignificantBits() >>> 16;
        assertThat(millis, greaterThanOrEqualTo(before));
        assertThat(millis, lessThanOrEqualTo(after));
    }

    @Test
    void laterIdsSortAfterEarlierOnesAsPostgresqlComparesThem() throws InterruptedException {
        UUID first = TimeOrderedIds.next();
        Thread.sleep(2);
        UUID second = TimeOrderedIds.next();
        // PostgreSQL orders uuids by their bytes, unsigned; the time prefix decides.
        assertThat(Long.compareUnsigned(first.getMostSignificantBits(), second.getMostSignificantBits()) < 0,
                equalTo(true));
    }

    @Test
    void idsDoNotRepeat() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(TimeOrderedIds.next());
        }
        assertThat(ids.size(), equalTo(100_000));
    }
}
