package org.saferpartnerships.testing.kafka;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.saferpartnerships.platform.events.DomainEvent;

/** Reads and writes raw records on the test broker, to check what services publish and to feed them. */
public final class TestKafka {

    /** Dates as ISO text, as the services' Jackson writes them. */
    private static final ObjectMapper CONTRACT_JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private TestKafka() {
    }

    /** Polls {@code topic} from the beginning until records matching {@code match} appear, or fails after the timeout. */
    public static List<ConsumerRecord<String, String>> awaitRecords(String topic,
            Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        return awaitRecords(topic, match, 1, timeout);
    }

    /**
     * Polls {@code topic} from the beginning until at least {@code count} records match, in the
     * order of their partition, or fails after the timeout.
     */
    public static List<ConsumerRecord<String, String>> awaitRecords(String topic,
            Predicate<ConsumerRecord<String, String>> match, int count, Duration timeout) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps(), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Awaitility.await().atMost(timeout).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(record)) {
                        found.add(record);
                    }
                }
                return found.size() >= count;
            });
        }
        return found;
    }

    /** The records on {@code topic} now, from its beginning to its end, that match. */
    public static List<ConsumerRecord<String, String>> recordsNow(String topic,
            Predicate<ConsumerRecord<String, String>> match) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps(), new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(record)) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    /** A record to send: key, value and headers. */
    public record Outgoing(String key, String value, Map<String, String> headers) {
    }

    /**
     * Publishes a contract record as the outbox relay does: its JSON as the value, the partnership
     * as the key, CloudEvents headers naming {@code source} and {@code time}. Built from the record,
     * so a renamed field fails the tests that read it.
     */
    public static void publish(DomainEvent event, String source, Instant time) {
        try {
            Map<String, String> headers = new HashMap<>(Map.of("ce_specversion", "1.0",
                    "ce_id", UUID.randomUUID().toString(), "ce_type", event.eventType(), "ce_source", source,
                    "ce_time", time.toString(), "content-type", "application/json"));
            if (event.subject() != null) {
                headers.put("ce_subject", event.subject());
            }
            send(event.topic(), event.partnershipId(), CONTRACT_JSON.writeValueAsString(event), headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write " + event, e);
        }
    }

    public static void send(String topic, String key, String value, Map<String, String> headers) {
        sendAll(topic, List.of(new Outgoing(key, value, headers)));
    }

    /** Sends the records in order through one producer, and waits until the broker has them all. */
    public static void sendAll(String topic, List<Outgoing> records) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, InProcessKafkaBroker.shared().bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (Outgoing record : records) {
                List<Header> recordHeaders = record.headers().entrySet().stream()
                        .map(h -> (Header) new RecordHeader(h.getKey(), h.getValue().getBytes(StandardCharsets.UTF_8)))
                        .toList();
                sends.add(producer.send(new ProducerRecord<>(topic, null, record.key(), record.value(), recordHeaders)));
            }
            for (Future<RecordMetadata> send : sends) {
                send.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not send test records to " + topic, e);
        }
    }

    /**
     * Checks the CloudEvents 1.0 binary-mode envelope every event of the platform carries: spec
     * version, a UUID id, the publishing service as source, JSON content and an RFC 3339 time.
     */
    public static void assertCloudEventOf(ConsumerRecord<String, String> event, String source) {
        assertThat(header(event, "ce_specversion"), equalTo("1.0"));
        assertThat(header(event, "ce_source"), equalTo(source));
        assertThat(header(event, "ce_id"), matchesPattern("[0-9a-f-]{36}"));
        assertThat(header(event, "content-type"), equalTo("application/json"));
        assertThat(header(event, "ce_time"), not(emptyOrNullString()));
        Instant.parse(header(event, "ce_time"));
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Properties consumerProps() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, InProcessKafkaBroker.shared().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return props;
    }
}
