package org.saferpartnerships.platform.funding;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class BudgetLineTest {

    private static BigDecimal gbp(String pounds) {
        return new BigDecimal(pounds);
    }

    @Test
    void castlePointAndRochford2021AddsUpAsThePaperSays() {
        BudgetLine line = BudgetLine.of(gbp("12337"), gbp("0"), gbp("10142"), gbp("0"), gbp("20961"), gbp("0"),
                gbp("20961"));
        assertThat(line.net(), equalTo(gbp("12337.00")));
        assertThat(line.available(), equalTo(gbp("22479.00")));
        assertThat(line.remaining(), equalTo(gbp("22479.00")));
        assertThat(line.anticipatedUnderspend(), equalTo(gbp("1518.00")));
        assertThat(line.overspent(), equalTo(false));
    }

    @Test
    void aForecastAboveWhatIsAvailableIsAnOverspend() {
        BudgetLine line = BudgetLine.of(gbp("100"), gbp("10"), gbp("0"), gbp("0"), gbp("80"), gbp("95.50"), gbp("95.50"));
        assertThat(line.anticipatedUnderspend(), equalTo(gbp("-5.50")));
        assertThat(line.overspent(), equalTo(true));
    }

    @Test
    void anInitiativesForecastIsItsCommitmentOrWhatWasSpentOnIt() {
        assertThat(BudgetLine.forecastOf("approved", gbp("300"), gbp("120")), equalTo(gbp("300.00")));
        assertThat(BudgetLine.forecastOf("approved", gbp("300"), gbp("320.10")), equalTo(gbp("320.10")));
        assertThat(BudgetLine.forecastOf("approved", null, gbp("12")), equalTo(gbp("12.00")));
        assertThat(BudgetLine.forecastOf("completed", gbp("300"), gbp("250")), equalTo(gbp("250.00")));
        assertThat(BudgetLine.forecastOf("cancelled", gbp("300"), gbp("40")), equalTo(gbp("40.00")));
        assertThat(BudgetLine.forecastOf("proposed", gbp("300"), gbp("0")), equalTo(gbp("0.00")));
    }

    @Test
    void streamsAddUpToTheTotalAndAClosedYearsOutturnReplacesTheForecast() {
        BudgetLine a = BudgetLine.of(gbp("1.10"), gbp("0.10"), gbp("2"), gbp("0.25"), gbp("1"), gbp("0.50"), gbp("1"));
        BudgetLine b = BudgetLine.of(gbp("3"), gbp("1"), gbp("0"), gbp("0.50"), gbp("2"), gbp("2"), gbp("2"));
        BudgetLine total = a.plus(b);
        assertThat(total.available(), equalTo(gbp("5.00")));
        assertThat(total.carriedOut(), equalTo(gbp("0.75")));
        assertThat(total.remaining(), equalTo(gbp("2.50")));
        assertThat(total.withForecast(gbp("2.50")).anticipatedUnderspend(), equalTo(gbp("2.50")));
    }

    @Test
    void fractionsOfAPennyAreRefusedNotRoundedAway() {
        assertThrows(ArithmeticException.class, () -> BudgetLine.pounds(gbp("0.005")));
    }
}
