package dev.csms.events.cloudevents;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka value deserializer for {@link EventEnvelope}s: reads the CloudEvents headers and the JSON data (see
 * {@link EventCodec#read}). A tombstone deserializes to null; an unreadable record throws
 * {@link EventDecodingException}, which Kafka reports as a deserialization failure of that record.
 */
public class EventEnvelopeDeserializer implements Deserializer<EventEnvelope<?>> {

    private final EventCodec codec = new EventCodec();

    @Override
    public EventEnvelope<?> deserialize(String topic, Headers headers, byte[] data) {
        return data == null ? null : codec.read(headers, data);
    }

    /** Binary mode needs headers; Kafka consumers always call the variant with headers. */
    @Override
    public EventEnvelope<?> deserialize(String topic, byte[] data) {
        throw new UnsupportedOperationException("CloudEvents binary mode needs record headers");
    }
}
