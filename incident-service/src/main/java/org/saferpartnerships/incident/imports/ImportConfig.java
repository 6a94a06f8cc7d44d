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

    /** The largest file accepted, in bytes: the Essex force's files run to a few MB a month. */
    @WithDefault("268435456")
    long maxBytes();

    /** Rows per transaction: one lookup of existing references and one insert batch each. */
    @WithDefault("500")
    int chunkRows();

    /** How often an instance vouches for the unfinished imports it holds. */
    @WithDefault("30s")
    Duration heartbeat();

    /** An unfinished import nobody has vouched for this long stopped with its instance. */
    @WithDefault("2m")
    Duration abandonedAfter();
}
