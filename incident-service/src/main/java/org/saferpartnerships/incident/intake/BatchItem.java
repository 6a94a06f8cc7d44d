package org.saferpartnerships.incident.intake;

import java.util.List;

import org.saferpartnerships.incident.register.IncidentInput;

/** One element of a posted batch: the incident it reads as, or why it could not be read. */
public record BatchItem(IncidentInput input, List<String> problems) {
}
