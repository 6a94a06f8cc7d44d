package org.saferpartnerships.platform.events.incident;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An incident as recorded at one moment: everything the record holds (it holds no personal data).
 * {@code occurredMonth} (YYYY-MM) is always set; {@code occurredOn} only when the exact date is known.
 * {@code districtCode} is the district that holds the place now, where the incident is counted;
 * {@code reportedDistrictCode} the district as reported, placed in the month it happened (E07000204
 * St Edmundsbury for 2018, now E07000245 West Suffolk). They differ only where that district has since
 * been reorganised. Events written before it was added lack it: the two were the same then.
 * {@code publication} is {@link #DATA_POLICE_UK} for a row imported from a data.police.uk
 * publication, open data under the Open Government Licence v3.0, and null for a record an agency
 * posted itself, which is never published as open data; events written before it was added lack it.
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
        String reportedDistrictCode,
        String lsoaCode,
        BigDecimal latitude,
        BigDecimal longitude,
        String locationDescription,
        String outcome,
        List<EnforcementAction> enforcementActions,
        String publication,
        Instant recordedAt,
        long version) {

    /** The mark of a record imported from a data.police.uk street-level file. */
    public static final String DATA_POLICE_UK = "data.police.uk";

    /** Whether the record is open data, and so may be served as police.uk serves it. */
    public boolean open() {
        return DATA_POLICE_UK.equals(publication);
    }

    /** An enforcement step taken about the incident: CPW, CPN, FPN, CBO, closure order… */
    public record EnforcementAction(String type, LocalDate on) {
    }
}
