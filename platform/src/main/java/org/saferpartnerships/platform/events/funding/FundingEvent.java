package org.saferpartnerships.platform.events.funding;

import org.saferpartnerships.platform.events.DomainEvent;
import org.saferpartnerships.platform.events.Topics;

/**
 * An event funding-service publishes, on {@link Topics#FUNDING_EVENTS}. Amounts are pounds with
 * two decimals (JSON numbers read as {@code BigDecimal}, never floating point); a financial year is
 * named by the calendar year it starts in (2021 is 1 April 2021 to 31 March 2022).
 */
public interface FundingEvent extends DomainEvent {

    @Override
    default String topic() {
        return Topics.FUNDING_EVENTS;
    }
}
