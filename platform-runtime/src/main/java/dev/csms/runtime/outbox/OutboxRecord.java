package dev.csms.runtime.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A Kafka record to publish once the transaction that enqueued it commits.
 *
 * @param topic the full topic name (with any prefix)
 * @param key the record key, the station id; {@code null} for an unkeyed record
 * @param value the record value; {@code null} for a tombstone
 * @param headers the record headers in order (CloudEvents binary-mode attributes travel here)
 */
public record OutboxRecord(String topic, String key, byte[] value, List<Header> headers) {

    /** One Kafka header; keys may repeat. */
    public record Header(String key, byte[] value) {

        public Header {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Header h && key.equals(h.key) && Arrays.equals(value, h.value);
        }

        @Override
        public int hashCode() {
            return 31 * key.hashCode() + Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return key + "=" + (value == null ? "null" : new String(value, StandardCharsets.UTF_8));
        }
    }

    public OutboxRecord {
        Objects.requireNonNull(topic, "topic");
        if (topic.isBlank()) {
            throw new IllegalArgumentException("topic is blank");
        }
        headers = headers == null ? List.of() : List.copyOf(headers);
    }

    /** A record whose header values are UTF-8 text, as CloudEvents binary-mode attributes are. */
    public static OutboxRecord of(String topic, String key, byte[] value, Map<String, String> headers) {
        List<Header> list = new ArrayList<>();
        headers.forEach((k, v) -> list.add(new Header(k, v == null ? null : v.getBytes(StandardCharsets.UTF_8))));
        return new OutboxRecord(topic, key, value, list);
    }

    /** The same record as a producer record built elsewhere (for example by a CloudEvents codec) describes. */
    public static OutboxRecord from(ProducerRecord<String, byte[]> record) {
        List<Header> list = new ArrayList<>();
        record.headers().forEach(h -> list.add(new Header(h.key(), h.value())));
        return new OutboxRecord(record.topic(), record.key(), record.value(), list);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutboxRecord r && topic.equals(r.topic) && Objects.equals(key, r.key)
                && Arrays.equals(value, r.value) && headers.equals(r.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, key, Arrays.hashCode(value), headers);
    }

    @Override
    public String toString() {
        return "OutboxRecord[topic=" + topic + ", key=" + key + ", value="
                + (value == null ? "null" : value.length + " bytes") + ", headers=" + headers + "]";
    }
}
