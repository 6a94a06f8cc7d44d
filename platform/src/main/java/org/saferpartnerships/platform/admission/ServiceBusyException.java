package org.saferpartnerships.platform.admission;

import java.time.Duration;

/** The service cannot take this on now, and nothing was done; the caller should try again later. */
public class ServiceBusyException extends RuntimeException {

    private final Duration retryAfter;

    public ServiceBusyException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
