package org.saferpartnerships.platform.events;

/**
 * The data of one event in the platform's contract. Implementations are records whose components
 * are the JSON payload; the methods below feed the CloudEvents envelope and the Kafka record and
 * are not part of the payload.
 */
public interface DomainEvent {

    /** CloudEvents {@code type}, e.g. {@code incident.recorded.v1}; the suffix versions the payload. */
    String eventType();

    /** The topic of the publishing service. */
    String topic();

    /** Kafka record key: events of one partnership stay in one partition, in order. */
    String partnershipId();

    /** CloudEvents {@code subject}: the id of the record the event is about. */
    String subject();
}
