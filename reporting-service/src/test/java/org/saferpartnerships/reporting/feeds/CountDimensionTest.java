package org.saferpartnerships.reporting.feeds;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class CountDimensionTest {

    @Test
    void groupByNamesAreTheJsonFieldNames() {
        assertThat(CountDimension.ofParameter("month"), equalTo(Optional.of(CountDimension.MONTH)));
        assertThat(CountDimension.ofParameter("asbType"), equalTo(Optional.of(CountDimension.ASB_TYPE)));
        assertThat(CountDimension.ofParameter("district"), equalTo(Optional.of(CountDimension.DISTRICT)));
        // The column name is not a parameter.
        assertThat(CountDimension.ofParameter("district_code"), equalTo(Optional.empty()));
    }

    @Test
    void partnershipIsNotAGroupingACallerCanAskFor() {
        assertThat(CountDimension.PARTNERSHIP.parameter(), equalTo("partnership"));
        assertThat(CountDimension.ofParameter("partnership"), equalTo(Optional.empty()));
    }
}
