package org.saferpartnerships.platform.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ClockProvider;

/**
 * The calendar partnerships work by: days, months and financial years of England and Wales
 * (Europe/London), whatever zone the machine or container runs in. Against a UTC clock a valid
 * incident of today is refused as "in the future" between 00:00 and 01:00 in British Summer Time.
 * Every "today" and "this month" comes from here; Hibernate Validator takes it as its
 * {@link ClockProvider}, so {@code @PastOrPresent} judges by it too.
 */
@ApplicationScoped
public class BusinessCalendar implements ClockProvider {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private final Clock clock;

    BusinessCalendar() {
        this(Clock.system(ZONE));
    }

    private BusinessCalendar(Clock clock) {
        this.clock = clock;
    }

    /** A calendar whose now is {@code clock}'s instant, seen from Europe/London: for tests at a chosen moment. */
    public static BusinessCalendar at(Clock clock) {
        return new BusinessCalendar(clock.withZone(ZONE));
    }

    @Override
    public Clock getClock() {
        return clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public YearMonth thisMonth() {
        return YearMonth.now(clock);
    }
}
