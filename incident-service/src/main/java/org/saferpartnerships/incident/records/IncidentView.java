package org.saferpartnerships.incident.records;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.saferpartnerships.incident.register.Incident;
import org.saferpartnerships.platform.events.incident.IncidentSnapshot;

/** An incident as the API returns it. */
@Schema(name = "Incident", example = """
        {"id": "8f0d6a52-3f43-4a43-9d4e-2f1c1d6f9a10", "agencyId": "essex-police", "externalRef": "EP-2024-000123",
         "partnershipId": "safer-colchester", "category": "anti-social-behaviour", "asbType": "nuisance",
         "asbSubType": "vehicle nuisance", "flags": ["alcohol-related"], "hateCrimeStrand": null,
         "occurredOn": "2024-05-18", "occurredMonth": "2024-05", "reportedOn": "2024-05-19",
         "districtCode": "E07000071", "reportedDistrictCode": "E07000071", "lsoaCode": "E01021543",
         "latitude": 51.889, "longitude": 0.901,
         "locationDescription": "On or near High Street", "outcome": null,
         "enforcementActions": [{"type": "cpw", "on": "2024-05-25"}], "recordedAt": "2024-05-19T08:30:00Z",
         "withdrawnAt": null, "withdrawalReason": null, "version": 0}""")
public record IncidentView(
        UUID id,
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
        @Schema(description = "The district that holds the place now, where the incident is counted")
        String districtCode,
        @Schema(description = "The district as reported, in the month it happened; differs from districtCode where "
                + "that district has since been reorganised (E07000204 St Edmundsbury, now E07000245 West Suffolk)")
        String reportedDistrictCode,
        String lsoaCode,
        BigDecimal latitude,
        BigDecimal longitude,
        String locationDescription,
        String outcome,
        List<IncidentSnapshot.EnforcementAction> enforcementActions,
        Instant recordedAt,
        Instant withdrawnAt,
        String withdrawalReason,
        long version) {

    public static IncidentView of(Incident i) {
        return new IncidentView(i.id, i.agencyId, i.externalRef, i.partnershipId, i.category, i.asbType,
                i.asbSubType, i.flags, i.hateCrimeStrand, i.occurredOn, i.occurredMonth, i.reportedOn, i.districtCode,
                i.reportedDistrict(), i.lsoaCode, i.latitude, i.longitude, i.locationDescription, i.outcome,
                i.enforcementActions, i.recordedAt, i.withdrawnAt, i.withdrawalReason, i.version);
    }
}
