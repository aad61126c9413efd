package dev.csms.events.cloudevents;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka value serializer for {@link EventEnvelope}s (e.g. {@code value.serializer} of a Reactive Messaging
 * channel): writes the CloudEvents headers into the record and returns the JSON data. A null envelope is a
 * tombstone. The record key (the station id) is the producer's to set.
 */
public class EventEnvelopeSerializer implements Serializer<EventEnvelope<?>> {

    private final EventCodec codec = new EventCodec();

    @Override
    public byte[] serialize(String topic, Headers headers, EventEnvelope<?> envelope) {
        if (envelope == null) {
            return null;
        }
        codec.writeHeaders(envelope, headers);
        return codec.writeData(envelope);
    }

    /** Binary mode needs headers; Kafka producers always call the variant with headers. */
    @Override
    public byte[] serialize(String topic, EventEnvelope<?> envelope) {
        throw new UnsupportedOperationException("CloudEvents binary mode needs record headers");
    }
}
