package org.saferpartnerships.platform.events;

/**
 * Kafka topic names of the platform. Each service publishes only to its own topic; consumers
 * subscribe to the topics they need. Retention is unlimited: the topics are the history every
 * read model is rebuilt from.
 */
public final class Topics {

    public static final String PARTNERSHIP_EVENTS = "partnership.events";
    public static final String FUNDING_EVENTS = "funding.events";
    public static final String INCIDENT_EVENTS = "incident.events";
    public static final String REPORT_EVENTS = "report.events";

    /**
     * Where a consumer parks an event it cannot process, with the reason in the record headers:
     * one topic per consumer group, so it is plain which consumer failed and a redrive feeds only it.
     */
    public static String deadLetterTopicOf(String consumerGroup) {
        return consumerGroup + ".dlq";
    }

    /**
     * The service that publishes to a topic, as its events' {@code ce_source} names it; empty for a
     * topic of no service. An event on a topic claiming another source is forged.
     */
    public static java.util.Optional<String> publisherOf(String topic) {
        return java.util.Optional.ofNullable(switch (topic) {
            case PARTNERSHIP_EVENTS -> "/partnership-service";
            case FUNDING_EVENTS -> "/funding-service";
            case INCIDENT_EVENTS -> "/incident-service";
            case REPORT_EVENTS -> "/reporting-service";
            default -> null;
        });
    }

    private Topics() {
    }
}
