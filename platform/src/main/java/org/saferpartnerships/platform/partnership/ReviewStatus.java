package org.saferpartnerships.platform.partnership;

import com.fasterxml.jackson.annotation.JsonValue;

import org.saferpartnerships.platform.vocabulary.Term;

/** Stages of a Domestic Homicide Review (Domestic Violence, Crime and Victims Act 2004 s.9). */
public enum ReviewStatus implements Term {
    NOTIFIED("notified", "Notified"),
    NOT_COMMISSIONED("not-commissioned", "Not commissioned"),
    COMMISSIONED("commissioned", "Commissioned"),
    UNDER_REVIEW("under-review", "Under review"),
    /** The overview report has gone to the partnership's board. */
    REPORT_PRESENTED("report-presented", "Report presented"),
    SUBMITTED_TO_HOME_OFFICE("submitted-to-home-office", "Submitted to the Home Office"),
    APPROVED_FOR_PUBLICATION("approved-for-publication", "Approved for publication"),
    PUBLISHED("published", "Published"),
    CLOSED("closed", "Closed");

    private final String slug;
    private final String displayName;

    ReviewStatus(String slug, String displayName) {
        this.slug = slug;
        this.displayName = displayName;
    }

    @JsonValue
    @Override
    public String slug() {
        return slug;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
