package org.saferpartnerships.partnership.priorities;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which body adopted a priority, and when (usually the Responsible Authorities Group, before 1 April). */
@Schema(name = "Adoption", example = """
        {"bodyId": "5b3f0a1e-8c2d-4f11-9e7a-0c1d2e3f4a5b", "adoptedOn": "2021-03-18"}""")
public record Adoption(@NotNull UUID bodyId, @NotNull @PastOrPresent LocalDate adoptedOn) {
}
