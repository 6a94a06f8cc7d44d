package org.saferpartnerships.platform.export;

import java.time.Duration;

/** The caller has had its records for today; nothing more is answered until the quota renews. */
public class ExportQuotaExceededException extends RuntimeException {

    private final Duration untilRenewal;

    ExportQuotaExceededException(String message, Duration untilRenewal) {
        super(message);
        this.untilRenewal = untilRenewal;
    }

    public Duration untilRenewal() {
        return untilRenewal;
    }
}
