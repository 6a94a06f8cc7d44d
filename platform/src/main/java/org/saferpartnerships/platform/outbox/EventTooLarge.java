package org.saferpartnerships.platform.outbox;

import org.saferpartnerships.platform.domain.DomainException;

/** A change whose event Kafka would refuse; one such event would block every later one of its key. */
public class EventTooLarge extends DomainException {

    EventTooLarge(int characters) {
        super(Kind.TOO_LARGE, "This change is too large to publish (" + characters
                + " characters); split it into smaller records");
    }
}
