package org.saferpartnerships.platform.retention;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long the platform's own tables keep their rows (issue 10: nothing was ever purged). */
@ConfigMapping(prefix = "csp.retention")
public interface RetentionConfig {

    /**
     * How long a consumer remembers that it applied an event. Duplicates come within minutes (a
     * relay re-sending after a crash, a redelivery after a rebalance); a replay from offset 0
     * starts from empty records anyway. A consumer group moved back further than this by hand
     * would apply events twice: rebuild instead.
     */
    @WithDefault("30d")
    Duration consumedEvents();

    /**
     * How long the audit trail ({@code audit_entry}) is kept: six years by default, the period
     * records of access to criminal-offence data are commonly held for. At least a year: a slip in
     * the configuration must not delete the trail (nor can the database's own guard, which refuses
     * to delete a younger entry).
     */
    @WithDefault("2192d")
    Duration accessAudit();

    /** Rows deleted per statement, so no purge holds many locks or a long transaction. */
    @WithDefault("10000")
    int batchSize();
}
