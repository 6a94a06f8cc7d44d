package org.saferpartnerships.platform.consumer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class IncomingEventTest {

    @Test
    void anEventFromTheServiceThatPublishesToTheTopicIsRead() {
        IncomingEvent event = IncomingEvent.from(record("partnership.events", "/partnership-service", Map.of()));

        assertThat(event.source(), equalTo("/partnership-service"));
        assertThat(event.type(), equalTo("partnership.updated.v1"));
    }

    @Test
    void anEventClaimingAnotherSourceIsForged() {
        MalformedEventException refused = assertThrows(MalformedEventException.class,
                () -> IncomingEvent.from(record("partnership.events", "/attacker", Map.of())));

        assertThat(refused.getMessage(), containsString("does not publish to partnership.events"));
    }

    @Test
    void aDeadLetterIsCheckedAgainstTheTopicItCameFrom() {
        assertThrows(MalformedEventException.class, () -> IncomingEvent.from(record(
                "incident-service.partnership-replica.dlq", "/attacker", Map.of("dead-letter-topic", "partnership.events"))));
        assertThat(IncomingEvent.from(record("incident-service.partnership-replica.dlq", "/partnership-service",
                Map.of("dead-letter-topic", "partnership.events"))).source(), equalTo("/partnership-service"));
    }

    @Test
    void aTopicOfNoServiceTakesAnySource() {
        assertThat(IncomingEvent.from(record("notes", "/platform-tests", Map.of())).source(), equalTo("/platform-tests"));
    }

    private static ConsumerRecord<String, String> record(String topic, String source, Map<String, String> more) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(topic, 0, 0, "maldon", "{}");
        Map.of("ce_id", "e-1", "ce_type", "partnership.updated.v1", "ce_source", source)
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        more.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
