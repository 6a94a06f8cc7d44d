package org.saferpartnerships.platform.admission;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Lets a bounded number of callers do a kind of work at once; the others wait a moment for their
 * turn and are otherwise told to come back ({@link ServiceBusyException}). Without a bound, every
 * caller's transaction is open at once, they queue for the same locks and disk, and under enough
 * load all of them run past the transaction timeout: every caller fails instead of some waiting.
 */
public final class Admission {

    private final String work;
    private final Semaphore turns;
    private final Duration patience;
    private final Duration retryAfter;

    /**
     * @param work what is admitted, in the words of the problem response ("incident writes")
     * @param atOnce how many may run at the same time
     * @param patience how long a caller waits for a turn before it is told to come back
     * @param retryAfter when it should come back
     */
    public Admission(String work, int atOnce, Duration patience, Duration retryAfter) {
        if (atOnce < 1) {
            throw new IllegalArgumentException("At least one at a time must be admitted to " + work);
        }
        this.work = work;
        this.turns = new Semaphore(atOnce, true);
        this.patience = patience;
        this.retryAfter = retryAfter;
    }

    /** Runs {@code task} in a turn of its own; the turn is given back however the task ends. */
    public <T> T admit(Supplier<T> task) {
        boolean admitted;
        try {
            admitted = turns.tryAcquire(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceBusyException("The service is stopping; " + work + " are not accepted", retryAfter);
        }
        if (!admitted) {
            throw new ServiceBusyException("Too many " + work + " at once; try again in " + retryAfter.toSeconds()
                    + " s", retryAfter);
        }
        try {
            return task.get();
        } finally {
            turns.release();
        }
    }
}
