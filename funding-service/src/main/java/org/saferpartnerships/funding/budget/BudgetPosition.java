package org.saferpartnerships.funding.budget;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.saferpartnerships.platform.funding.BudgetLine;

/** A partnership's money for a financial year, per stream and in total, as the council papers account for it. */
@Schema(name = "BudgetPosition", example = """
        {"partnershipId": "castle-point-rochford", "financialYear": 2021, "label": "2021/22", "status": "open",
         "streams": [{"streamId": "4b0f5a8e-2c1d-4e6f-9a7b-3c2d1e0f9a8b", "funderId": "essex-pfcc",
                      "name": "Community Safety Partnership grant",
                      "figures": {"gross": 12337.00, "topSliced": 0.00, "net": 12337.00, "carriedIn": 10142.00,
                                  "available": 22479.00, "committed": 20961.00, "spent": 0.00,
                                  "remaining": 22479.00, "forecastOutturn": 20961.00,
                                  "anticipatedUnderspend": 1518.00, "carriedOut": 0.00, "overspent": false}}],
         "total": {"gross": 12337.00, "topSliced": 0.00, "net": 12337.00, "carriedIn": 10142.00,
                   "available": 22479.00, "committed": 20961.00, "spent": 0.00, "remaining": 22479.00,
                   "forecastOutturn": 20961.00, "anticipatedUnderspend": 1518.00, "carriedOut": 0.00,
                   "overspent": false}}""")
public record BudgetPosition(String partnershipId, int financialYear, String label, YearStatus status,
        List<StreamPosition> streams, BudgetLine total) {

    public record StreamPosition(UUID streamId, String funderId, String name, BudgetLine figures) {
    }
}
