package org.saferpartnerships.reporting.policeuk;

/** An area holds more crimes than one answer gives, as police.uk caps it; a smaller area will do. */
public class TooManyCrimes extends RuntimeException {

    public TooManyCrimes(int limit) {
        super("More than " + limit + " crimes in this area and month; ask for a smaller area, or use the "
                + "/api/v1 feeds for counts");
    }
}
