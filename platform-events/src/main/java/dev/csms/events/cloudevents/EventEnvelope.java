package dev.csms.events.cloudevents;

import dev.csms.events.EventType;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.Set;

/**
 * A CloudEvent as it travels on Kafka: the context attributes (headers) and the data (the JSON record value).
 *
 * @param id         unique event id; consumers deduplicate redeliveries of the same record by it
 * @param type       the versioned event type, one of {@link dev.csms.events.EventTypes}
 * @param source     the producer, e.g. {@code /csms/gateway-service/gw-1}
 * @param time       when the event happened
 * @param subject    the station id; also the record key
 * @param extensions extension attributes (lower-case names, see {@link CloudEventHeaders}); never null
 * @param data       the event; null only for a tombstone on a compacted topic
 * @param <T>        the data type
 */
public record EventEnvelope<T>(String id, String type, String source, Instant time, String subject,
        Map<String, String> extensions, T data) {

    /** CloudEvents attribute names: lower-case letters and digits, at most 20 characters. */
    private static final int MAX_ATTRIBUTE_NAME = 20;
    private static final Set<String> RESERVED = Set.of("specversion", "id", "type", "source",
            "time", "subject", "datacontenttype", "dataschema", "data");

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(subject, "subject");
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
        extensions.forEach((name, value) -> {
            if (!isAttributeName(name) || RESERVED.contains(name)) {
                throw new IllegalArgumentException("invalid CloudEvents extension name '" + name + "'");
            }
            Objects.requireNonNull(value, name);
        });
    }

    /** {@code [a-z0-9]{1,20}}, checked without a regex: every published record has a few extensions. */
    static boolean isAttributeName(String name) {
        int length = name.length();
        if (length == 0 || length > MAX_ATTRIBUTE_NAME) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /**
     * A new event with a random id, the current time of {@code clock} and no extensions.
     *
     * @param type      the event type (it decides the type name)
     * @param source    the producer
     * @param stationId the station (subject and key)
     * @param data      the event
     */
    public static <T> EventEnvelope<T> create(EventType<T> type, String source, String stationId, T data,
            Clock clock) {
        return new EventEnvelope<>(UUID.randomUUID().toString(), type.type(), source, clock.instant(), stationId,
                Map.of(), Objects.requireNonNull(data, "data"));
    }

    /** A copy with one more extension attribute; a null value leaves the envelope unchanged. */
    public EventEnvelope<T> withExtension(String name, String value) {
        if (value == null) {
            return this;
        }
        Map<String, String> copy = new LinkedHashMap<>(extensions);
        copy.put(name, value);
        return new EventEnvelope<>(id, type, source, time, subject, copy, data);
    }

    /** An extension attribute. */
    public Optional<String> extension(String name) {
        return Optional.ofNullable(extensions.get(name));
    }

    /** The {@value CloudEventHeaders#CORRELATION_ID} extension. */
    public Optional<String> correlationId() {
        return extension(CloudEventHeaders.CORRELATION_ID);
    }

    /** The {@value CloudEventHeaders#TRACEPARENT} extension. */
    public Optional<String> traceparent() {
        return extension(CloudEventHeaders.TRACEPARENT);
    }
}
