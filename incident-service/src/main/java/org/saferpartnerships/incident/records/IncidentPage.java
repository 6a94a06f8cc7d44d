package org.saferpartnerships.incident.records;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of incidents; pass {@code next} as {@code after} for the following page (null at the end). */
@Schema(name = "IncidentPage")
public record IncidentPage(List<IncidentView> items, String next) {
}
