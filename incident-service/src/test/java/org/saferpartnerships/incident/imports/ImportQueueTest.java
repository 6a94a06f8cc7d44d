package org.saferpartnerships.incident.imports;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ImportQueueTest {

    private final IncidentImportJob job = new IncidentImportJob(new ImportConfig() {
        @Override
        public Optional<Path> spoolDir() {
            return Optional.empty();
        }

        @Override
        public long maxBytes() {
            return 1000;
        }

        @Override
        public int maxQueued() {
            return 2;
        }

        @Override
        public long maxSpoolBytes() {
            return 100;
        }

        @Override
        public int chunkRows() {
            return 10;
        }

        @Override
        public Duration chunkTimeout() {
            return Duration.ofMinutes(10);
        }

        @Override
        public Duration heartbeat() {
            return Duration.ofSeconds(30);
        }

        @Override
        public Duration abandonedAfter() {
            return Duration.ofMinutes(2);
        }
    }, null, null);

    @Test
    void aFullQueueTakesNoMoreUntilAPlaceIsGivenBack() {
        assertThat(job.reservePlace(), equalTo(true));
        assertThat(job.reservePlace(), equalTo(true));
        assertThat(job.reservePlace(), equalTo(false));
        job.releasePlace();
        assertThat(job.reservePlace(), equalTo(true));
    }

    @Test
    void aClaimBeyondTheSpoolCapIsRefusedAndHoldsNothing() {
        assertThat(job.claimSpool(60), equalTo(true));
        assertThat(job.claimSpool(50), equalTo(false));
        assertThat(job.claimSpool(40), equalTo(true));
        job.releaseSpool(100);
        assertThat(job.claimSpool(100), equalTo(true));
    }
}
