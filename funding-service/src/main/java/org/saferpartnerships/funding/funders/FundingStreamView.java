package org.saferpartnerships.funding.funders;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FundingStream", example = """
        {"id": "4b0f5a8e-2c1d-4e6f-9a7b-3c2d1e0f9a8b", "funderId": "essex-pfcc",
         "name": "Community Safety Partnership grant", "kind": "core-grant", "version": 0}""")
public record FundingStreamView(UUID id, String funderId, String name, StreamKind kind, long version) {

    public static FundingStreamView of(FundingStream s) {
        return new FundingStreamView(s.id, s.funderId, s.name, s.kind, s.version);
    }
}
