package org.saferpartnerships.reporting.reports;

import java.math.BigDecimal;

import io.quarkus.qute.TemplateExtension;

/** How the report page writes figures: pounds as council papers print them. */
@TemplateExtension
final class ReportFormats {

    private ReportFormats() {
    }

    /** £12,337, or £12,337.50 where there are pence. */
    static String pounds(BigDecimal amount) {
        return ReportAssembler.pounds(amount);
    }
}
