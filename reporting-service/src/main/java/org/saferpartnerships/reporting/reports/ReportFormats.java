package org.saferpartnerships.reporting.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/** How the report page writes figures, dates and terms: as council papers print them. */
@TemplateExtension
final class ReportFormats {

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private ReportFormats() {
    }

    /** £12,337, or £12,337.50 where there are pence. */
    static String pounds(BigDecimal amount) {
        return ReportAssembler.pounds(amount);
    }

    /** 10 June 2021. */
    static String longDate(LocalDate date) {
        return LONG_DATE.format(date);
    }

    /** A slug as words: responsible-authorities-group is "Responsible authorities group". */
    static String words(String slug) {
        String words = slug.replace('-', ' ');
        return words.isEmpty() ? words : words.substring(0, 1).toUpperCase(Locale.UK) + words.substring(1);
    }
}
