package org.saferpartnerships.funding.initiatives;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReversalInput", example = """
        {"reason": "Invoice 1043 was charged to the wrong initiative", "reversedOn": "2021-09-20"}""")
public record ReversalInput(@NotBlank @Size(max = 500) String reason,
        @Schema(description = "Defaults to today, or to the year's last day once it has passed") LocalDate reversedOn) {
}
