package org.saferpartnerships.reporting.feeds;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.saferpartnerships.reporting.directory.PartnershipLabel;

/**
 * Incident counts of one or more partnerships over a month range, one row per group; with
 * measure=rate also per 1,000 residents ({@code population} says at which census). Where a district
 * of the area was formed within the period, {@code reorganisations} says so: its earlier months are
 * the districts it was formed from, added up.
 */
@Schema(name = "IncidentCountFeed", example = """
        {"partnership": "safer-colchester",
         "partnerships": [{"id": "safer-colchester", "name": "Safer Colchester Partnership"}], "from": "2024-04", "to": "2024-05", "groupBy": ["month", "category"],
         "compare": null, "measure": "count", "population": null, "reorganisations": [], "freshness": {"lastEventAt": "2024-06-01T09:00:00Z", "lastAppliedAt": "2024-06-01T09:00:01Z"},
         "disclosure": {"applied": false, "threshold": 8, "roundedTo": null, "rule": "Exact counts: the caller is an analyst or officer of the partnership."},
         "rows": [{"month": "2024-04", "category": "anti-social-behaviour", "count": 212},
                  {"month": "2024-04", "category": "violent-crime", "count": 388}]}""")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record IncidentCountFeed(String partnership, List<PartnershipLabel> partnerships, String from, String to,
        List<String> groupBy, String compare, String measure, Population population,
        List<ReorganisedDistrict> reorganisations, Freshness freshness, Disclosure disclosure, List<FeedRow> rows) {

    /** When the projection last applied an event: how current the figures are. */
    public record Freshness(Instant lastEventAt, Instant lastAppliedAt) {
    }

    /**
     * Whether disclosure control was applied: counts below {@code threshold} suppressed, the rest
     * rounded to the nearest {@code roundedTo} (null for exact counts), by which rule.
     */
    public record Disclosure(boolean applied, int threshold, Integer roundedTo, String rule) {
    }
}
