package org.saferpartnerships.platform.events.incident;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An incident as recorded at one moment: everything the record holds (it holds no personal data).
 * {@code occurredMonth} (YYYY-MM) is always set; {@code occurredOn} only when the exact date is known.
 */
public record IncidentSnapshot(
        UUID incidentId,
        String agencyId,
        String externalRef,
        String partnershipId,
        String category,
        String asbType,
        String asbSubType,
        List<String> flags,
        String hateCrimeStrand,
        LocalDate occurredOn,
        String occurredMonth,
        LocalDate reportedOn,
        String districtCode,
        String lsoaCode,
        BigDecimal latitude,
        BigDecimal longitude,
        String locationDescription,
        String outcome,
        List<EnforcementAction> enforcementActions,
        Instant recordedAt,
        long version) {

    /** An enforcement step taken about the incident: CPW, CPN, FPN, CBO, closure order… */
    public record EnforcementAction(String type, LocalDate on) {
    }
}
