package org.saferpartnerships.incident.register;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.saferpartnerships.incident.reference.AsbType;
import org.saferpartnerships.incident.reference.EnforcementType;
import org.saferpartnerships.incident.reference.HateCrimeStrand;
import org.saferpartnerships.incident.reference.IncidentFlag;
import org.saferpartnerships.platform.api.CalendarMonth;
import org.saferpartnerships.platform.api.Slug;
import org.saferpartnerships.platform.calendar.BusinessCalendar;
import org.saferpartnerships.platform.events.incident.IncidentCategory;
import org.saferpartnerships.platform.events.incident.Outcome;
import org.saferpartnerships.platform.geography.District;
import org.saferpartnerships.platform.geography.DistrictCode;
import org.saferpartnerships.platform.geography.LocalAuthorityDistricts;

/**
 * One incident as an agency posts it. There is deliberately no field for names, addresses of
 * people or contact details, and unknown properties are rejected, so personal data cannot slip in.
 */
@Schema(name = "IncidentInput", example = """
        {"externalRef": "EP-2024-000123", "partnershipId": "safer-colchester", "category": "anti-social-behaviour",
         "asbType": "nuisance", "asbSubType": "vehicle nuisance", "flags": ["alcohol-related"],
         "occurredOn": "2024-05-18", "reportedOn": "2024-05-19", "districtCode": "E07000071",
         "lsoaCode": "E01021543", "latitude": 51.889, "longitude": 0.901,
         "locationDescription": "On or near High Street",
         "enforcementActions": [{"type": "cpw", "on": "2024-05-25"}]}""")
public record IncidentInput(
        @Schema(description = "The agency's own reference; unique per agency, so re-posting is safe")
        @NotBlank @Size(max = 100) @Pattern(regexp = "[\\p{Graph} ]+", message = "must be printable characters")
        String externalRef,

        @Schema(description = "Partnership id; when absent, the partnership covering districtCode")
        @Slug String partnershipId,

        @Schema(description = "data.police.uk category slug, e.g. anti-social-behaviour, violent-crime")
        @NotNull @KnownCategory String category,

        @Schema(description = "Home Office ASB type (data.police.uk does not publish it); only for anti-social-behaviour")
        AsbType asbType,

        @Schema(description = "Free-text ASB sub-type, e.g. noise, bonfire, nitrous oxide, vehicle nuisance")
        @Size(max = 60) @Pattern(regexp = "[\\p{L}\\p{N} ,'()/-]+", message = "must be a short plain-text term")
        String asbSubType,

        @Size(max = 9) Set<@NotNull IncidentFlag> flags,

        @Schema(description = "Required with the hate-crime flag")
        HateCrimeStrand hateCrimeStrand,

        @Schema(description = "Date it happened; give this or occurredMonth")
        @PastOrPresent LocalDate occurredOn,

        @Schema(description = "Month it happened (YYYY-MM), as data.police.uk publishes; give this or occurredOn")
        @CalendarMonth String occurredMonth,

        @PastOrPresent LocalDate reportedOn,

        @Schema(description = "ONS GSS code of the local authority district where it happened, e.g. E07000071 "
                + "(Colchester), in England or Wales. A district since abolished will do for its time (E07000204 St "
                + "Edmundsbury in 2018): the incident is counted in the district that holds the place now (E07000245 "
                + "West Suffolk) and keeps the one reported as reportedDistrictCode")
        @NotNull @DistrictCode String districtCode,

        @Schema(description = "ONS code of the Lower Layer Super Output Area, e.g. E01021543")
        @Pattern(regexp = "[EW]01\\d{6}", message = "must be an LSOA code such as E01021543") String lsoaCode,

        @Schema(description = "WGS84, inside the United Kingdom, to at most six decimal places (about 10 cm)")
        @DecimalMin("49.8") @DecimalMax("60.9") @Digits(integer = 2, fraction = 6) BigDecimal latitude,

        @DecimalMin("-8.7") @DecimalMax("1.8") @Digits(integer = 1, fraction = 6) BigDecimal longitude,

        @Schema(description = "Where, as data.police.uk describes it: \"On or near Banham Drive\"")
        @Size(max = 200) @Pattern(regexp = "\\P{Cntrl}*", message = "must be plain text, without control characters")
        String locationDescription,

        Outcome outcome,

        @Size(max = 50) List<@NotNull @Valid EnforcementAction> enforcementActions) {

    public record EnforcementAction(@NotNull EnforcementType type, @NotNull @PastOrPresent LocalDate on) {
    }

    boolean isAsb() {
        return IncidentCategory.ANTI_SOCIAL_BEHAVIOUR.slug().equals(category);
    }

    @AssertTrue(message = "asbType and asbSubType describe anti-social behaviour only")
    @Schema(hidden = true)
    public boolean isAsbTypeForAsbOnly() {
        return category == null || isAsb() || (asbType == null && asbSubType == null);
    }

    @AssertTrue(message = "give occurredOn or occurredMonth, not both")
    @Schema(hidden = true)
    public boolean isOccurrenceGiven() {
        return (occurredOn == null) != (occurredMonth == null);
    }

    @AssertTrue(message = "occurredMonth must not be in the future")
    @Schema(hidden = true)
    public boolean isOccurredMonthPast() {
        return occurredMonth == null || !occurredMonth.matches(CalendarMonth.PATTERN)
                || !YearMonth.parse(occurredMonth).isAfter(YearMonth.now(BusinessCalendar.ZONE));
    }

    @AssertTrue(message = "hateCrimeStrand goes with the hate-crime flag, and the flag needs it")
    @Schema(hidden = true)
    public boolean isHateCrimeStrandWithFlag() {
        boolean flagged = flags != null && flags.contains(IncidentFlag.HATE_CRIME);
        return flagged == (hateCrimeStrand != null);
    }

    @AssertTrue(message = "give latitude and longitude together")
    @Schema(hidden = true)
    public boolean isCoordinatePair() {
        return (latitude == null) == (longitude == null);
    }

    @AssertTrue(message = "reportedOn cannot be before the incident happened")
    @Schema(hidden = true)
    public boolean isReportedAfterOccurrence() {
        return reportedOn == null || occurredOn == null || !reportedOn.isBefore(occurredOn);
    }

    /** The month counted: from occurredOn when given. */
    public String month() {
        return occurredOn != null ? YearMonth.from(occurredOn).toString() : occurredMonth;
    }

    /**
     * The district as reported, placed in time: the district that held districtCode's place when it
     * happened (for 2020, St Edmundsbury's is West Suffolk's, which it had become). A district formed
     * after that out of several stays as given: which of them the place was in is not known.
     */
    public String reportedDistrictCode() {
        LocalDate when = occurredOn != null ? occurredOn : YearMonth.parse(occurredMonth).atDay(1);
        return LocalAuthorityDistricts.districtOn(districtCode, when).map(District::code).orElse(districtCode);
    }

    /** The district that holds the place now: where the incident is counted, and whose partnership it goes to. */
    public String currentDistrictCode() {
        return LocalAuthorityDistricts.currentDistrictOf(districtCode).map(District::code).orElse(districtCode);
    }
}
