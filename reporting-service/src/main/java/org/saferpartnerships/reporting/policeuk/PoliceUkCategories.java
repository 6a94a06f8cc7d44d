package org.saferpartnerships.reporting.policeuk;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.saferpartnerships.platform.events.incident.IncidentCategory;

/**
 * The crime categories data.police.uk had in a month: six until August 2011, eleven from September
 * 2011 (public disorder and weapons among them), and from May 2013 the fourteen of today, which are
 * {@link IncidentCategory}. {@code all-crime} stands for all of them, anti-social behaviour included.
 */
public final class PoliceUkCategories {

    public static final String ALL_CRIME = "all-crime";

    /** A category as police.uk lists it. */
    public record Category(String url, String name) {
    }

    private static final YearMonth ELEVEN = YearMonth.of(2011, 9);
    private static final YearMonth TODAY = YearMonth.of(2013, 5);

    private static final List<Category> UNTIL_AUGUST_2011 = List.of(new Category(ALL_CRIME, "All crime and ASB"),
            new Category("anti-social-behaviour", "Anti-social behaviour"), new Category("burglary", "Burglary"),
            new Category("other-crime", "Other crime"), new Category("robbery", "Robbery"),
            new Category("vehicle-crime", "Vehicle crime"), new Category("violent-crime", "Violent crime"));

    private static final List<Category> UNTIL_APRIL_2013 = List.of(new Category(ALL_CRIME, "All crime and ASB"),
            new Category("anti-social-behaviour", "Anti-social behaviour"), new Category("burglary", "Burglary"),
            new Category("criminal-damage-arson", "Criminal damage and arson"), new Category("drugs", "Drugs"),
            new Category("other-theft", "Other theft"),
            new Category("public-disorder-weapons", "Public disorder and weapons"),
            new Category("robbery", "Robbery"), new Category("shoplifting", "Shoplifting"),
            new Category("vehicle-crime", "Vehicle crime"), new Category("violent-crime", "Violent crime"),
            new Category("other-crime", "Other crime"));

    private static final List<Category> SINCE_MAY_2013 = since2013();

    private PoliceUkCategories() {
    }

    /** The categories of the month, {@code all-crime} first, as {@code crime-categories} lists them. */
    public static List<Category> of(YearMonth month) {
        if (month.isBefore(ELEVEN)) {
            return UNTIL_AUGUST_2011;
        }
        return month.isBefore(TODAY) ? UNTIL_APRIL_2013 : SINCE_MAY_2013;
    }

    /** The category of that url in the month, if police.uk had one. */
    public static Optional<Category> of(YearMonth month, String url) {
        return of(month).stream().filter(c -> c.url().equals(url)).findFirst();
    }

    private static List<Category> since2013() {
        List<Category> categories = new ArrayList<>();
        categories.add(new Category(ALL_CRIME, "All crime"));
        for (IncidentCategory category : IncidentCategory.values()) {
            categories.add(new Category(category.slug(), category.displayName()));
        }
        return List.copyOf(categories);
    }
}
