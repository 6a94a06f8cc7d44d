package org.saferpartnerships.reporting.policeuk;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.saferpartnerships.platform.events.incident.Outcome;
import org.saferpartnerships.platform.vocabulary.Term;

/**
 * A crime as data.police.uk's street-level methods give it, field for field: clients parse these
 * strictly, so names, order, strings for coordinates and nulls are police.uk's.
 */
@Schema(name = "PoliceUkCrime", example = """
        {"category": "anti-social-behaviour", "location_type": "Force",
         "location": {"latitude": "51.570718", "street": {"id": 2041, "name": "On or near Station Road"},
                      "longitude": "0.458926"},
         "context": "", "outcome_status": null, "persistent_id": "", "id": 88213,
         "location_subtype": "", "month": "2021-06"}""")
@JsonPropertyOrder({ "category", "location_type", "location", "context", "outcome_status", "persistent_id", "id",
        "location_subtype", "month" })
@JsonInclude(JsonInclude.Include.ALWAYS)
public record StreetCrime(
        String category,
        @JsonProperty("location_type") String locationType,
        Location location,
        String context,
        @JsonProperty("outcome_status") OutcomeStatus outcomeStatus,
        @JsonProperty("persistent_id") String persistentId,
        long id,
        @JsonProperty("location_subtype") String locationSubtype,
        String month) {

    /** Where: coordinates as strings, as police.uk prints them. */
    @JsonPropertyOrder({ "latitude", "street", "longitude" })
    public record Location(String latitude, Street street, String longitude) {
    }

    public record Street(long id, String name) {
    }

    /** The latest outcome: its name and month. */
    @JsonPropertyOrder({ "category", "date" })
    public record OutcomeStatus(String category, String date) {
    }

    /** {@code outcomes-for-crime}: the crime without its outcome status, and its outcomes ({@code []} for none). */
    @JsonPropertyOrder({ "crime", "outcomes" })
    public record WithOutcomes(Crime crime, List<CrimeOutcome> outcomes) {
    }

    @JsonPropertyOrder({ "category", "location_type", "location", "context", "persistent_id", "id",
            "location_subtype", "month" })
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Crime(String category, @JsonProperty("location_type") String locationType, Location location,
            String context, @JsonProperty("persistent_id") String persistentId, long id,
            @JsonProperty("location_subtype") String locationSubtype, String month) {
    }

    @JsonPropertyOrder({ "category", "date", "person_id" })
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CrimeOutcome(OutcomeCategory category, String date, @JsonProperty("person_id") String personId) {
    }

    public record OutcomeCategory(String code, String name) {
    }

    /** police.uk's street-level crimes are all placed by their force. */
    static final String FORCE = "Force";

    static StreetCrime of(OpenCrime crime) {
        return new StreetCrime(crime.category(), crime.located() ? FORCE : null, location(crime), "",
                crime.outcome() == null ? null : new OutcomeStatus(outcomeName(crime.outcome()), outcomeDate(crime)),
                crime.persistentId(), crime.id(), "", month(crime));
    }

    static WithOutcomes withOutcomes(OpenCrime crime) {
        return new WithOutcomes(new Crime(crime.category(), crime.located() ? FORCE : null, location(crime), "",
                crime.persistentId(), crime.id(), "", month(crime)),
                crime.outcome() == null ? List.of()
                        : List.of(new CrimeOutcome(new OutcomeCategory(crime.outcome(), outcomeName(crime.outcome())),
                                outcomeDate(crime), null)));
    }

    private static Location location(OpenCrime crime) {
        if (!crime.located()) {
            return null;
        }
        return new Location(crime.latitude().toPlainString(), crime.streetId() == null ? null
                : new Street(crime.streetId(), crime.streetName()), crime.longitude().toPlainString());
    }

    private static String outcomeName(String slug) {
        return Term.ofSlug(Outcome.class, slug).map(Outcome::displayName).orElse(slug);
    }

    private static String month(OpenCrime crime) {
        return crime.month().toString();
    }

    /**
     * The street-level files give the last outcome without its month; the month of the file that
     * reported it, the crime's, is the nearest we know.
     */
    private static String outcomeDate(OpenCrime crime) {
        return crime.month().toString();
    }
}
