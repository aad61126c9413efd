package dev.csms.events;

import java.util.Objects;

/**
 * One kind of event on the platform's Kafka topics.
 *
 * @param type      the CloudEvents type, {@code csms.<area>.<Name>.v<major>}; a new major version is a new type
 * @param dataClass the record the event data is (de)serialized as
 * @param topic     the topic it is published on
 * @param <T>       the data type
 */
public record EventType<T>(String type, Class<T> dataClass, Topics.Topic topic) {
    public EventType {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(dataClass, "dataClass");
        Objects.requireNonNull(topic, "topic");
        if (!type.matches("csms\\.[a-z]+\\.[A-Z][A-Za-z]+\\.v[1-9][0-9]*")) {
            throw new IllegalArgumentException("event type '" + type + "' does not follow csms.<area>.<Name>.v<n>");
        }
    }
}
