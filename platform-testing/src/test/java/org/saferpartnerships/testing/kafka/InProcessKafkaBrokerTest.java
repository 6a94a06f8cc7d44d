package org.saferpartnerships.testing.kafka;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.endsWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
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
    void theBrokerIsSharedWithinTheJvm() throws Exception {
        String first = InProcessKafkaBroker.shared().bootstrapServers();
        // A second call must not start another broker (it would listen on another port)...
        assertThat(InProcessKafkaBroker.shared().bootstrapServers(), equalTo(first));
        // ...and the address handed out is a broker that answers.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, first))) {
            int port = admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).iterator().next().port();
            assertThat(first, endsWith(":" + port));
        }
    }
}
