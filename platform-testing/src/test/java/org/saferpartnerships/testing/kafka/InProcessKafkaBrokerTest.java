package org.saferpartnerships.testing.kafka;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.sameInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class InProcessKafkaBrokerTest {

    @Test
    void aRecordSentToTheBrokerCanBeReadBackWithItsHeaders() {
        String topic = "probe-" + UUID.randomUUID();
        String value = "hello " + UUID.randomUUID();
        TestKafka.send(topic, "key-1", value, Map.of("ce_id", "event-1"));

        List<ConsumerRecord<String, String>> records = TestKafka.awaitRecords(topic, r -> value.equals(r.value()),
                Duration.ofSeconds(30));
        assertThat(records.get(0).key(), equalTo("key-1"));
        assertThat(TestKafka.header(records.get(0), "ce_id"), equalTo("event-1"));
    }

    @Test
    void theBrokerIsSharedWithinTheJvm() {
        // A second call must not start (or connect to) another broker: every test class shares one.
        assertThat(InProcessKafkaBroker.shared(), sameInstance(InProcessKafkaBroker.shared()));
    }
}
