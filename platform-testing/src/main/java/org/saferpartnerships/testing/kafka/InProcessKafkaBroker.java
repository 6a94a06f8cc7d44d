package org.saferpartnerships.testing.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real single-node Apache Kafka broker (KRaft: broker and controller in one node) running in the
 * test JVM on free loopback ports, started once per JVM and stopped when the JVM exits. Its
 * version is the client version the Quarkus BOM pins.
 */
public final class InProcessKafkaBroker {

    /** JVM-wide, because Quarkus may load this class in more than one class loader. */
    private static final String BOOTSTRAP_PROPERTY = "csp.test.kafka.bootstrap-servers";

    private final String bootstrapServers;

    private InProcessKafkaBroker(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public static InProcessKafkaBroker shared() {
        synchronized (System.getProperties()) {
            String running = System.getProperty(BOOTSTRAP_PROPERTY);
            if (running == null) {
                running = start().bootstrapServers;
                System.setProperty(BOOTSTRAP_PROPERTY, running);
            }
            return new InProcessKafkaBroker(running);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    private static InProcessKafkaBroker start() {
        try {
            int brokerPort = freePort();
            int controllerPort = freePort();
            Path logDir = Files.createTempDirectory("csp-test-kafka-");
            Properties props = new Properties();
            props.put("process.roles", "broker,controller");
            props.put("node.id", "1");
            props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
            props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
            props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
            props.put("controller.listener.names", "CONTROLLER");
            props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            props.put("inter.broker.listener.name", "PLAINTEXT");
            props.put("log.dirs", logDir.toString());
            props.put("num.partitions", "3");
            props.put("offsets.topic.replication.factor", "1");
            props.put("offsets.topic.num.partitions", "3");
            props.put("transaction.state.log.replication.factor", "1");
            props.put("transaction.state.log.min.isr", "1");
            props.put("share.coordinator.state.topic.replication.factor", "1");
            props.put("share.coordinator.state.topic.min.isr", "1");
            props.put("group.initial.rebalance.delay.ms", "0");
            props.put("auto.create.topics.enable", "true");
            props.put("log.retention.ms", "-1");

            Path configFile = logDir.resolve("server.properties");
            try (var out = Files.newOutputStream(configFile)) {
                props.store(out, "in-process test broker");
            }
            ByteArrayOutputStream formatOutput = new ByteArrayOutputStream();
            StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", configFile.toString()},
                    new PrintStream(formatOutput, true, StandardCharsets.UTF_8));

            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.shutdown();
                server.awaitShutdown();
            }, "test-kafka-shutdown"));
            return new InProcessKafkaBroker("127.0.0.1:" + brokerPort);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the in-process Kafka broker", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
