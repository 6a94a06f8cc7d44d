package org.saferpartnerships.incident.intake;

import java.time.Duration;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.saferpartnerships.platform.admission.Admission;

/**
 * How many postings (single or batch) one instance stores at once. Sixteen clients posting
 * batches of 1,000 at once used to open sixteen transactions that queued for the same locks and
 * disk until all of them passed the transaction timeout (500s); now four write while the others
 * wait their turn, and a posting that gets none within the patience is answered 503 with
 * {@code Retry-After}, having stored nothing.
 */
@ApplicationScoped
public class IntakeCapacity {

    private final Admission writes;

    IntakeCapacity(@ConfigProperty(name = "csp.intake.concurrent-writes", defaultValue = "4") int atOnce,
            @ConfigProperty(name = "csp.intake.write-patience", defaultValue = "20s") Duration patience) {
        this.writes = new Admission("incident postings", atOnce, patience, Duration.ofSeconds(2));
    }

    <T> T admit(Supplier<T> posting) {
        return writes.admit(posting);
    }
}
