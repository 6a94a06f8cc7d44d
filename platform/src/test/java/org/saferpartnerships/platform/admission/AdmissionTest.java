package org.saferpartnerships.platform.admission;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class AdmissionTest {

    private final Admission admission = new Admission("incident writes", 1, Duration.ofMillis(50), Duration.ofSeconds(2));

    @Test
    void aCallerBeyondTheBoundIsToldToComeBackAndItsWorkIsNotDone() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> admission.admit(() -> {
            running.countDown();
            await(finish);
            return "first";
        }));
        assertThat(running.await(5, TimeUnit.SECONDS), equalTo(true));

        boolean[] done = { false };
        ServiceBusyException busy = assertThrows(ServiceBusyException.class, () -> admission.admit(() -> done[0] = true));
        assertThat(busy.retryAfter(), equalTo(Duration.ofSeconds(2)));
        assertThat(done[0], equalTo(false));

        finish.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS), equalTo("first"));
        assertThat(admission.admit(() -> "next"), equalTo("next"));
    }

    @Test
    void aTurnIsGivenBackWhenTheWorkFails() {
        assertThrows(IllegalStateException.class, () -> admission.admit(() -> {
            throw new IllegalStateException("refused");
        }));
        assertThat(admission.admit(() -> "next"), equalTo("next"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
