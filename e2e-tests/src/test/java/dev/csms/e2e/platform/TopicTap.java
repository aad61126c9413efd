package dev.csms.e2e.platform;

import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.cloudevents.EventDecodingException;
import dev.csms.events.cloudevents.EventEnvelope;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Everything ever written to one topic, read from the beginning by a consumer of its own (assigned partitions, no
 * group, nothing committed) and kept in memory: the fleets of the e2e tests are small. Tests poll it with a
 * deadline. It keeps reading through a broker outage (the consumer reconnects by itself).
 */
public final class TopicTap implements AutoCloseable {

    /**
     * One record: its key, partition and offset, and the decoded event (empty for a tombstone or an undecodable
     * record, which {@code undecodable} then names).
     */
    public record Entry(String key, int partition, long offset, Optional<EventEnvelope<?>> event,
            Optional<String> undecodable) {
    }

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final EventCodec codec = new EventCodec();
    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean closed;

    private TopicTap(String bootstrapServers, String topic) {
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "e2e-tap-" + topic,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.reader = new Thread(this::read, "e2e-tap-" + topic);
        reader.setDaemon(true);
    }

    /** Starts reading {@code topic} from its beginning. */
    static TopicTap start(String bootstrapServers, String topic) {
        TopicTap tap = new TopicTap(bootstrapServers, topic);
        tap.reader.start();
        return tap;
    }

    public String topic() {
        return topic;
    }

    /** Every record read so far, in the order read (per partition: offset order). */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The data of every decoded event of class {@code type}. */
    public <T> Stream<T> data(Class<T> type) {
        return entries.stream()
                .flatMap(entry -> entry.event().stream())
                .map(EventEnvelope::data)
                .filter(type::isInstance)
                .map(type::cast);
    }

    /** The data of every decoded event of class {@code type} that matches {@code filter}. */
    public <T> List<T> data(Class<T> type, Predicate<? super T> filter) {
        return data(type).filter(filter).toList();
    }

    /** Envelopes of events whose data is of class {@code type}. */
    public <T> List<EventEnvelope<T>> events(Class<T> type, Predicate<? super T> filter) {
        @SuppressWarnings("unchecked")
        List<EventEnvelope<T>> events = entries.stream()
                .flatMap(entry -> entry.event().stream())
                .filter(envelope -> type.isInstance(envelope.data()) && filter.test(type.cast(envelope.data())))
                .map(envelope -> (EventEnvelope<T>) envelope)
                .toList();
        return events;
    }

    /** The last record with {@code key}: on a compacted topic, the current value (empty event = tombstone). */
    public Optional<Entry> latest(String key) {
        Entry last = null;
        for (Entry entry : entries) {
            if (Objects.equals(entry.key(), key)) {
                last = entry;
            }
        }
        return Optional.ofNullable(last);
    }

    private void read() {
        try {
            while (!closed) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    entries.add(decode(record));
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    private Entry decode(ConsumerRecord<String, byte[]> record) {
        if (EventCodec.isTombstone(record)) {
            return new Entry(record.key(), record.partition(), record.offset(), Optional.empty(), Optional.empty());
        }
        try {
            return new Entry(record.key(), record.partition(), record.offset(), Optional.of(codec.fromRecord(record)),
                    Optional.empty());
        } catch (EventDecodingException e) {
            return new Entry(record.key(), record.partition(), record.offset(), Optional.empty(),
                    Optional.of(e.getMessage()));
        }
    }

    @Override
    public void close() {
        closed = true;
        consumer.wakeup();
    }
}
