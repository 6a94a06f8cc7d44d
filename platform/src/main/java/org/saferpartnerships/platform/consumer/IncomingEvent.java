package org.saferpartnerships.platform.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.saferpartnerships.platform.events.CloudEventHeaders;
import org.saferpartnerships.platform.events.Topics;

/** A CloudEvent read from a Kafka record in binary mode: envelope from the headers, data from the value. */
public record IncomingEvent(String id, String type, String source, Instant time, String subject, String key, String data) {

    /** The header SmallRye's dead-letter queue gives a letter: the topic the event came from. */
    static final String DEAD_LETTER_TOPIC = "dead-letter-topic";

    /**
     * @throws MalformedEventException when a required CloudEvents attribute is missing or unreadable,
     *         or the source is not the service that publishes to the topic
     */
    public static IncomingEvent from(ConsumerRecord<String, String> record) {
        String time = header(record, CloudEventHeaders.TIME, false);
        Instant parsedTime;
        try {
            parsedTime = time == null ? Instant.ofEpochMilli(record.timestamp()) : Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("ce_time is not an RFC 3339 timestamp: " + time);
        }
        if (record.value() == null) {
            throw new MalformedEventException("event has no data");
        }
        String id = header(record, CloudEventHeaders.ID, true);
        String type = header(record, CloudEventHeaders.TYPE, true);
        String source = header(record, CloudEventHeaders.SOURCE, true);
        // A dead letter names the topic it was first read from; its publisher is the one to check.
        String publishedTo = Optional.ofNullable(header(record, DEAD_LETTER_TOPIC, false)).orElse(record.topic());
        Optional<String> publisher = publishedTo == null ? Optional.empty() : Topics.publisherOf(publishedTo);
        if (publisher.isPresent() && !publisher.get().equals(source)) {
            throw new MalformedEventException("ce_source " + source + " does not publish to " + publishedTo
                    + " (only " + publisher.get() + " does)");
        }
        return new IncomingEvent(
                id,
                type,
                source,
                parsedTime,
                header(record, CloudEventHeaders.SUBJECT, false),
                record.key(),
                record.value());
    }

    /** @throws MalformedEventException when the data does not match the event type's payload. */
    public <T> T dataAs(Class<T> payloadType, ObjectMapper json) {
        try {
            return json.readValue(data, payloadType);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(type + " " + id + " has unreadable data: " + e.getOriginalMessage());
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name, boolean required) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null || header.value().length == 0) {
            if (required) {
                throw new MalformedEventException("record has no " + name + " header");
            }
            return null;
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
