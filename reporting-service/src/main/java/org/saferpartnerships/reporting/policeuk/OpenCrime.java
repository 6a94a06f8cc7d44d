package org.saferpartnerships.reporting.policeuk;

import java.math.BigDecimal;
import java.time.YearMonth;

/** A row of {@code open_crime}: a crime or ASB incident as its data.police.uk publication gave it. */
public record OpenCrime(long id, YearMonth month, String category, String persistentId, BigDecimal latitude,
        BigDecimal longitude, Long streetId, String streetName, String outcome) {

    public boolean located() {
        return latitude != null && longitude != null;
    }
}
