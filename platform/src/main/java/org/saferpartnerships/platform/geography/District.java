package org.saferpartnerships.platform.geography;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A local authority district of England or Wales under one ONS GSS code, for as long as the code stood.
 *
 * @param name the name ONS gives it now, or gave it last
 * @param formerNames names it had earlier under the same code ("Shepway", now Folkestone and Hythe)
 * @param validFrom the day it began; null for the districts of 2011, where the table begins
 * @param validTo the day its change took effect, the first day it no longer stood; null while it is current
 * @param predecessors the changes that brought other districts' areas into it
 * @param successors the changes that passed its area on
 */
public record District(String code, String name, List<String> formerNames, LocalDate validFrom, LocalDate validTo,
        List<DistrictChange> predecessors, List<DistrictChange> successors) {

    public boolean validOn(LocalDate date) {
        return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || date.isBefore(validTo));
    }

    public boolean current() {
        return validTo == null;
    }

    /** The change to the district that carries it on; empty while it is current. */
    public Optional<DistrictChange> continuation() {
        return successors.stream().filter(DistrictChange::carriesOn).findFirst();
    }
}
