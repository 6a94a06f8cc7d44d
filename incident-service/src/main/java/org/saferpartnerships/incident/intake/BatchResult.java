package org.saferpartnerships.incident.intake;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.saferpartnerships.incident.register.Registration;

/** What a batch did, item by item, in the order posted. */
@Schema(name = "BatchResult", example = """
        {"created": 1, "unchanged": 1, "rejected": 1, "items": [
          {"index": 0, "externalRef": "EP-1", "result": "created", "id": "8f0d6a52-3f43-4a43-9d4e-2f1c1d6f9a10"},
          {"index": 1, "externalRef": "EP-2", "result": "unchanged", "id": "1b2c3d4e-3f43-4a43-9d4e-2f1c1d6f9a10"},
          {"index": 2, "externalRef": "EP-3", "result": "rejected",
           "reasons": ["districtCode: must be the ONS GSS code of a local authority district in England or Wales, e.g. E07000071"]}]}""")
public record BatchResult(long created, long unchanged, long rejected, List<Item> items) {

    public enum Outcome {
        @JsonProperty("created") CREATED,
        @JsonProperty("unchanged") UNCHANGED,
        @JsonProperty("rejected") REJECTED
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(int index, String externalRef, Outcome result, UUID id, List<String> reasons) {

        static Item of(int index, String externalRef, Registration registration) {
            return switch (registration.outcome()) {
                case CREATED -> new Item(index, externalRef, Outcome.CREATED, registration.incident().id, null);
                case UNCHANGED, CORRECTED ->
                        new Item(index, externalRef, Outcome.UNCHANGED, registration.incident().id, null);
                case REFUSED -> rejected(index, externalRef, List.of(registration.refusal().detail()));
            };
        }

        static Item rejected(int index, String externalRef, List<String> reasons) {
            return new Item(index, externalRef, Outcome.REJECTED, null, reasons);
        }
    }

    static BatchResult of(List<Item> items) {
        return new BatchResult(count(items, Outcome.CREATED), count(items, Outcome.UNCHANGED),
                count(items, Outcome.REJECTED), items);
    }

    private static long count(List<Item> items, Outcome outcome) {
        return items.stream().filter(i -> i.result() == outcome).count();
    }
}
