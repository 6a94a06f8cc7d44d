package org.saferpartnerships.partnership.dhr;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Stages of a Domestic Homicide Review (Domestic Violence, Crime and Victims Act 2004 s.9). */
public enum ReviewStatus {
    @JsonProperty("notified") NOTIFIED,
    @JsonProperty("not-commissioned") NOT_COMMISSIONED,
    @JsonProperty("commissioned") COMMISSIONED,
    @JsonProperty("under-review") UNDER_REVIEW,
    /** The overview report has gone to the partnership's board. */
    @JsonProperty("report-presented") REPORT_PRESENTED,
    @JsonProperty("submitted-to-home-office") SUBMITTED_TO_HOME_OFFICE,
    @JsonProperty("approved-for-publication") APPROVED_FOR_PUBLICATION,
    @JsonProperty("published") PUBLISHED,
    @JsonProperty("closed") CLOSED
}
