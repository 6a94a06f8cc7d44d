package org.saferpartnerships.incident.imports;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "csp.imports")
public interface ImportConfig {

    /** Where uploaded files wait for their import; the system temp folder by default. */
    Optional<Path> spoolDir();

    /** The largest file accepted, in bytes: a force's backfill of years runs to a GB or two. */
    @WithDefault("2147483648")
    long maxBytes();

    /** Imports one instance holds, running or waiting; more are refused (503) until one finishes. */
    @WithDefault("8")
    int maxQueued();

    /** Disk the spooled files of one instance's unfinished imports may take; beyond it, 503. */
    @WithDefault("8589934592")
    long maxSpoolBytes();

    /**
     * Rows per transaction. The register's statements per chunk are fixed, so larger chunks mean
     * fewer commits; 5,000 rows hold a few MB, whatever the size of the file.
     */
    @WithDefault("5000")
    int chunkRows();

    /**
     * How long one chunk's transaction may take. Far above the default transaction timeout (60 s):
     * on a large table whose indexes are not in memory, the first chunks of a cold import can take
     * over a minute, and an import is background work that should finish slowly rather than fail.
     */
    @WithDefault("10m")
    Duration chunkTimeout();

    /** How often an instance vouches for the unfinished imports it holds. */
    @WithDefault("30s")
    Duration heartbeat();

    /** An unfinished import nobody has vouched for this long stopped with its instance. */
    @WithDefault("2m")
    Duration abandonedAfter();
}
