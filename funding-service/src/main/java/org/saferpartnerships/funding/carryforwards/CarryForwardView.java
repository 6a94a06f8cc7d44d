package org.saferpartnerships.funding.carryforwards;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CarryForward", example = """
        {"id": "2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b", "partnershipId": "castle-point-rochford",
         "streamId": "4b0f5a8e-2c1d-4e6f-9a7b-3c2d1e0f9a8b", "fromYear": 2020, "intoYear": 2021,
         "requested": 10142.00, "reason": "Projects delayed by the pandemic", "status": "approved",
         "approved": 10142.00, "decidedOn": "2021-05-12", "decisionNote": null, "version": 1}""")
public record CarryForwardView(UUID id, String partnershipId, UUID streamId, int fromYear, int intoYear,
        BigDecimal requested, String reason, CarryForwardStatus status, BigDecimal approved, LocalDate decidedOn,
        String decisionNote, long version) {

    static CarryForwardView of(CarryForward c) {
        return new CarryForwardView(c.id, c.partnershipId, c.streamId, c.fromYear, c.intoYear(), c.requested, c.reason,
                c.status, c.approved, c.decidedOn, c.decisionNote, c.version);
    }
}
