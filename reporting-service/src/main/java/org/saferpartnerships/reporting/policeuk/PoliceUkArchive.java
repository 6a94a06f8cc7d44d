package org.saferpartnerships.reporting.policeuk;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.saferpartnerships.platform.calendar.BusinessCalendar;
import org.saferpartnerships.platform.domain.NoSuchRecord;

/**
 * The open crimes as data.police.uk's methods answer them, over every month we hold rather than
 * police.uk's rolling three years. A month not asked for is the latest held; a month asked for that
 * we do not hold, or a category the month did not have, is not found, as on police.uk.
 */
@ApplicationScoped
public class PoliceUkArchive {

    /** The most crimes one area answer gives, as on police.uk. */
    public static final int AREA_LIMIT = 10_000;

    /** A month of street-level crimes, as {@code crimes-street-dates} lists it; we hold no stop and search. */
    public record StreetDate(String date, @JsonProperty("stop-and-search") List<String> stopAndSearch) {
    }

    private final OpenCrimes crimes;
    private final BusinessCalendar calendar;

    PoliceUkArchive(OpenCrimes crimes, BusinessCalendar calendar) {
        this.crimes = crimes;
        this.calendar = calendar;
    }

    /** The month's categories; without a month, the latest month held's (today's set when none is). */
    public List<PoliceUkCategories.Category> categories(YearMonth date) {
        return PoliceUkCategories.of(date != null ? date : crimes.latest().orElseGet(calendar::thisMonth));
    }

    public List<StreetDate> streetDates() {
        return crimes.months().stream().map(month -> new StreetDate(month.toString(), List.of())).toList();
    }

    /** @throws TooManyCrimes past {@link #AREA_LIMIT} */
    public List<StreetCrime> inArea(String category, Area area, YearMonth date) {
        Optional<YearMonth> month = month(date);
        if (month.isEmpty()) {
            return List.of();
        }
        return crimes.in(area, month.get(), categoryFilter(category, month.get()), AREA_LIMIT).stream()
                .map(StreetCrime::of).toList();
    }

    public List<StreetCrime> atStreet(long streetId, YearMonth date) {
        return month(date).map(month -> crimes.atStreet(streetId, month).stream().map(StreetCrime::of).toList())
                .orElse(List.of());
    }

    public List<StreetCrime> atStreetNearest(Area.Point point, YearMonth date) {
        Optional<YearMonth> month = month(date);
        Optional<Long> street = crimes.streetNearest(point);
        if (month.isEmpty() || street.isEmpty()) {
            return List.of();
        }
        return crimes.atStreet(street.get(), month.get()).stream().map(StreetCrime::of).toList();
    }

    public List<StreetCrime> withoutLocation(String category, String force, YearMonth date) {
        if (PoliceUkForces.byId(force).isEmpty()) {
            throw new NoSuchRecord("No force " + force + ": GET forces lists them");
        }
        Optional<YearMonth> month = month(date);
        if (month.isEmpty()) {
            return List.of();
        }
        return crimes.withoutLocation(force, month.get(), categoryFilter(category, month.get())).stream()
                .map(StreetCrime::of).toList();
    }

    public StreetCrime.WithOutcomes outcomesFor(String persistentId) {
        // A Crime ID is hex; no control character is in one (and PostgreSQL text holds no NUL).
        if (persistentId.chars().anyMatch(Character::isISOControl)) {
            throw new NoSuchRecord("No crime with that persistent_id");
        }
        return crimes.byPersistentId(persistentId).map(StreetCrime::withOutcomes)
                .orElseThrow(() -> new NoSuchRecord("No crime with persistent_id " + persistentId));
    }

    private Optional<YearMonth> month(YearMonth date) {
        if (date == null) {
            return crimes.latest();
        }
        if (!crimes.holds(date)) {
            throw new NoSuchRecord("No crimes held for " + date + ": crimes-street-dates lists the months held");
        }
        return Optional.of(date);
    }

    /** The category to filter on, null for all-crime. */
    private static String categoryFilter(String category, YearMonth month) {
        if (PoliceUkCategories.ALL_CRIME.equals(category)) {
            return null;
        }
        return PoliceUkCategories.of(month, category).map(PoliceUkCategories.Category::url).orElseThrow(
                () -> new NoSuchRecord("No crime category " + category + " in " + month
                        + ": crime-categories?date=" + month + " lists them"));
    }
}
