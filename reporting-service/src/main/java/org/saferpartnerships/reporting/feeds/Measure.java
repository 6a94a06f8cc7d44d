package org.saferpartnerships.reporting.feeds;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a feed's figures measure. The Crime Severity Score (ONS: each offence weighted by the
 * average sentence it draws, per 1,000 residents) would be a third measure, a rate of weighted
 * counts; it needs ONS's table of offence weights by Home Office offence code, which the platform
 * does not hold, and finer categories than data.police.uk's. See the README.
 */
public enum Measure {
    /** Incidents counted. */
    COUNT("count"),
    /** Incidents per 1,000 usual residents of the row's area, at the census nearest the period. */
    RATE("rate");

    private final String parameter;

    Measure(String parameter) {
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    static Optional<Measure> ofParameter(String value) {
        return Arrays.stream(values()).filter(m -> m.parameter.equals(value)).findFirst();
    }
}
