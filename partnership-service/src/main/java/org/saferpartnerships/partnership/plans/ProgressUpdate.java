package org.saferpartnerships.partnership.plans;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.saferpartnerships.platform.partnership.ActionStatus;

/** A dated progress report on an action by its owner agency or an officer: status, note, measures to date. */
@Schema(name = "ProgressUpdate", example = """
        {"on": "2021-12-01", "status": "on-track", "note": "Sessions delivered in 14 of 18 schools",
         "measures": [{"name": "pupils reached", "actual": 1210}]}""")
public record ProgressUpdate(
        @NotNull @PastOrPresent LocalDate on,
        @NotNull ActionStatus status,
        @NotBlank @Size(max = 4000) String note,
        @Size(max = 20) List<@NotNull @Valid MeasureActual> measures) {

    public record MeasureActual(@NotBlank @Size(max = 200) String name, @NotNull BigDecimal actual) {
    }

    /** A progress report as kept on the action, with who made it. */
    public record Entry(LocalDate on, ActionStatus status, String note, String reportedBy, String reportedByAgency) {
    }
}
