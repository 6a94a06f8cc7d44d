package org.saferpartnerships.platform.export;

import jakarta.validation.constraints.Positive;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How many records one caller may take out of a service in a day ({@link ExportQuota}). The
 * default is far above what an analyst works through (a large force's whole year of street-level
 * crime is about 150,000 records), and far below an agency's archive.
 */
@ConfigMapping(prefix = "csp.export")
public interface ExportQuotaConfig {

    /** Records a caller may read per day, Europe/London (env CSP_EXPORT_RECORDS_PER_DAY). */
    @WithDefault("250000")
    @Positive
    long recordsPerDay();
}
