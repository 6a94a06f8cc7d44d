package org.saferpartnerships.incident.imports;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "IncidentImport", example = """
        {"id": "3c1e9a10-6a3b-4d0e-8a55-2d6f4e1b7c90", "agencyId": "essex-police", "publication": "data.police.uk",
         "status": "completed", "receivedAt": "2024-06-01T09:00:00Z", "finishedAt": "2024-06-01T09:00:41Z",
         "rowsRead": 14876, "created": 4412, "updated": 0, "unchanged": 0, "outsidePartnerships": 10402,
         "outside": {"E07000066": {"area": "Basildon", "partnershipId": null, "rows": 10398,
                                   "reason": "no partnership covers this district"},
                     "E07000245": {"area": "West Suffolk", "partnershipId": null, "rows": 4,
                                   "reason": "no partnership covers this district"}},
         "withoutLocation": 55, "rejected": 7,
         "rejections": {"unknown Crime type": {"count": 7, "exampleRows": [118, 2045, 9120, 9121, 13002]}},
         "failure": null}""")
public record IncidentImportView(UUID id, String agencyId, String publication, IncidentImport.Status status,
        Instant receivedAt, Instant finishedAt, long rowsRead, long created, long updated, long unchanged,
        long outsidePartnerships, Map<String, IncidentImport.Outside> outside, long withoutLocation, long rejected,
        Map<String, IncidentImport.Rejections> rejections, String failure) {

    static IncidentImportView of(IncidentImport i) {
        return new IncidentImportView(i.id, i.agencyId, i.publication, i.status, i.receivedAt, i.finishedAt,
                i.rowsRead, i.created, i.updated, i.unchanged, i.outsidePartnerships, i.outside, i.withoutLocation,
                i.rejected, i.rejections, i.failure);
    }
}
