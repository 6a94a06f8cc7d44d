package org.saferpartnerships.testing.kafka;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points the service under test at the JVM's in-process Kafka broker. */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", InProcessKafkaBroker.shared().bootstrapServers());
    }

    @Override
    public void stop() {
        // The broker lives as long as the JVM: test classes that restart Quarkus reuse it.
    }
}
