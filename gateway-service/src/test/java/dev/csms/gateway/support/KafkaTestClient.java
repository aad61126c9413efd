package dev.csms.gateway.support;

import dev.csms.events.EventType;
import dev.csms.events.EventTypes;
import dev.csms.events.Topics;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.credentials.PasswordHashes;
import dev.csms.events.credentials.StationCredentials;
import dev.csms.localstack.LocalStack;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.RegistrationStatus;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The tests' side of Kafka (the real broker of the local stack): publishes what device-service and the other
 * services would (credentials, answers, commands) and reads what the gateway published.
 */
public final class KafkaTestClient implements AutoCloseable {

    public static final Topics TOPICS = Topics.unprefixed();
    private static final String SOURCE = "/csms/test";

    private final String bootstrap = LocalStack.get().kafka().bootstrapServers();
    private final KafkaProducer<String, byte[]> producer;
    private final EventCodec codec = new EventCodec();

    public KafkaTestClient() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
    }

    /** Publishes an event (keyed by station) and waits for the acknowledgement; returns the envelope. */
    public <T> EventEnvelope<T> publish(EventType<T> type, String stationId, T data) {
        EventEnvelope<T> envelope = EventEnvelope.create(type, SOURCE, stationId, data, Clock.systemUTC());
        return publish(envelope);
    }

    public <T> EventEnvelope<T> publish(EventEnvelope<T> envelope) {
        String topic = TOPICS.name(EventTypes.byType(envelope.type()).orElseThrow().topic());
        get(producer.send(codec.toRecord(topic, envelope)));
        return envelope;
    }

    public void tombstone(String topic, String stationId) {
        get(producer.send(codec.tombstone(topic, stationId)));
    }

    /** Publishes credentials for a station (hashing the password is slow: a fraction of a second). */
    public StationCredentials credentials(String stationId, String password, int profile, boolean enabled,
            Set<OcppVersion> versions) {
        StationCredentials credentials = new StationCredentials(stationId,
                password == null ? null : PasswordHashes.hash(password.toCharArray()), profile, enabled, versions,
                RegistrationStatus.Accepted, Instant.now());
        publish(EventTypes.STATION_CREDENTIALS, stationId, credentials);
        return credentials;
    }

    /** A reader of a topic that starts at its current end. */
    public Reader readFromEnd(String topic) {
        return new Reader(topic, false);
    }

    /** A reader of a topic from its first record. */
    public Reader readFromBeginning(String topic) {
        return new Reader(topic, true);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    private static <T> T get(java.util.concurrent.Future<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge", e);
        }
    }

    /** Reads a topic from the position it had when created; keeps every record read. */
    public final class Reader implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;
        private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

        Reader(String topic, boolean fromBeginning) {
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.CLIENT_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            partitions.forEach(consumer::position);
        }

        /** Reads what arrived since the last call. */
        public synchronized List<ConsumerRecord<String, byte[]>> poll() {
            List<ConsumerRecord<String, byte[]>> fresh = new ArrayList<>();
            consumer.poll(Duration.ofMillis(100)).forEach(fresh::add);
            if (!fresh.isEmpty()) {
                // a reader from the beginning has much to read: keep going while records come
                List<ConsumerRecord<String, byte[]>> more;
                do {
                    more = new ArrayList<>();
                    consumer.poll(Duration.ofMillis(50)).forEach(more::add);
                    fresh.addAll(more);
                } while (!more.isEmpty());
            }
            seen.addAll(fresh);
            return fresh;
        }

        /** Every record read so far that matches. */
        public synchronized List<ConsumerRecord<String, byte[]>> seen(Predicate<ConsumerRecord<String, byte[]>> filter) {
            poll();
            return seen.stream().filter(filter).toList();
        }

        /** Events of one type for one station read so far (polls once more first). */
        @SuppressWarnings("unchecked")
        public synchronized <T> List<EventEnvelope<T>> events(EventType<T> type, String stationId) {
            poll();
            List<EventEnvelope<T>> events = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : seen) {
                if (stationId.equals(record.key()) && record.value() != null) {
                    EventEnvelope<?> envelope = codec.fromRecord(record);
                    if (envelope.type().equals(type.type())) {
                        events.add((EventEnvelope<T>) envelope);
                    }
                }
            }
            return events;
        }

        /** Tombstones for a station read so far. */
        public synchronized long tombstones(String stationId) {
            poll();
            return seen.stream().filter(r -> stationId.equals(r.key()) && r.value() == null).count();
        }

        @Override
        public synchronized void close() {
            consumer.close(Duration.ofSeconds(5));
        }
    }
}
