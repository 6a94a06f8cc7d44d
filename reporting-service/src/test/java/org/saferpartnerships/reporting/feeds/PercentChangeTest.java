package org.saferpartnerships.reporting.feeds;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class PercentChangeTest {

    @Test
    void changeIsAPercentageOfLastYearToOneDecimalPlace() {
        // BigDecimal equality includes the scale, so "50.0" also proves the one decimal place.
        assertThat(IncidentCountFeedService.percentChange(150, 100), equalTo(new BigDecimal("50.0")));
        assertThat(IncidentCountFeedService.percentChange(100, 150), equalTo(new BigDecimal("-33.3")));
        assertThat(IncidentCountFeedService.percentChange(0, 10), equalTo(new BigDecimal("-100.0")));
        assertThat(IncidentCountFeedService.percentChange(7, 7), equalTo(new BigDecimal("0.0")));
        assertThat(IncidentCountFeedService.percentChange(30, 10), equalTo(new BigDecimal("200.0")));
        assertThat(IncidentCountFeedService.percentChange(1, 3), equalTo(new BigDecimal("-66.7")));
    }

    @Test
    void halvesAreRoundedAwayFromZero() {
        assertThat(IncidentCountFeedService.percentChange(17, 16), equalTo(new BigDecimal("6.3")));
        assertThat(IncidentCountFeedService.percentChange(1, 16), equalTo(new BigDecimal("-93.8")));
        assertThat(IncidentCountFeedService.percentChange(33, 80), equalTo(new BigDecimal("-58.8")));
        assertThat(IncidentCountFeedService.percentChange(127, 80), equalTo(new BigDecimal("58.8")));
    }

    @Test
    void thereIsNoPercentageOfNothing() {
        assertThat(IncidentCountFeedService.percentChange(12, 0), nullValue());
        assertThat(IncidentCountFeedService.percentChange(0, 0), nullValue());
    }
}
