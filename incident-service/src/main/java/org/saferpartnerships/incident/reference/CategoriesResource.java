package org.saferpartnerships.incident.reference;

import java.util.Arrays;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

import org.saferpartnerships.platform.events.incident.IncidentCategory;
import org.saferpartnerships.platform.events.incident.Outcome;
import org.saferpartnerships.platform.vocabulary.Term;

/** The controlled vocabularies of an incident, for forms and for labelling feeds. */
@Path("/api/v1/categories")
@Tag(name = "Reference")
@Produces(MediaType.APPLICATION_JSON)
public class CategoriesResource {

    /** A term as offered to people: the value to send, and what to show. */
    public record Entry(String slug, String displayName) {
    }

    public record Vocabularies(List<Entry> categories, List<Entry> asbTypes, List<Entry> flags,
            List<Entry> hateCrimeStrands, List<Entry> outcomes, List<Entry> enforcementActions) {
    }

    @GET
    @Authenticated
    @Operation(summary = "Categories, ASB types, flags, hate crime strands, outcomes and enforcement actions")
    public Vocabularies vocabularies() {
        return new Vocabularies(
                Arrays.stream(IncidentCategory.values()).map(c -> new Entry(c.slug(), c.displayName())).toList(),
                entries(AsbType.class), entries(IncidentFlag.class), entries(HateCrimeStrand.class),
                entries(Outcome.class), entries(EnforcementType.class));
    }

    private static <T extends Enum<T> & Term> List<Entry> entries(Class<T> vocabulary) {
        return Arrays.stream(vocabulary.getEnumConstants()).map(t -> new Entry(t.slug(), t.displayName())).toList();
    }
}
