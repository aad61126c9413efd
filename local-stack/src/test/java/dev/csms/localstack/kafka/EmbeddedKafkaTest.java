package dev.csms.localstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.csms.events.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One real broker for the whole class: starting one costs seconds. */
class EmbeddedKafkaTest {

    private static final Topics TOPICS = Topics.unprefixed();
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start();
        kafka.createTopics(TOPICS, 2);
    }

    @AfterAll
    static void stopBroker() {
        Path directory = kafka.directory();
        kafka.stop();
        assertThat(directory).doesNotExist();
        assertThatThrownBy(kafka::startBroker).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + kafka.port());
        assertThat(kafka.controllerPort()).isNotEqualTo(kafka.port());
    }

    @Test
    void everyPlatformTopicExistsWithItsPartitions() throws Exception {
        try (Admin admin = kafka.admin()) {
            Set<String> names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            assertThat(names).containsAll(Topics.ALL.stream().map(TOPICS::name).toList());
            assertThat(admin.describeTopics(List.of(TOPICS.inbound())).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(TOPICS.inbound()).partitions()).hasSize(2);
        }
    }

    @Test
    void compactedTopicsAreCompactedAndTheOthersAreNot() throws Exception {
        try (Admin admin = kafka.admin()) {
            for (Topics.Topic topic : Topics.ALL) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, TOPICS.name(topic));
                Config config = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
                assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                        .as(topic.name())
                        .isEqualTo(topic.compacted() ? "compact" : "delete");
            }
        }
    }

    @Test
    void creatingTheTopicsTwiceIsHarmless() {
        kafka.createTopics(TOPICS, 2);
    }

    @Test
    void producesWithAcksAllAndConsumesTheRecord() throws Exception {
        String value = "boot-" + UUID.randomUUID();
        RecordMetadata sent = send(TOPICS.inbound(), "CP-1", value);
        assertThat(sent.offset()).isGreaterThanOrEqualTo(0);

        assertThat(readAll(TOPICS.inbound())).contains(value);
    }

    /** The gateway's producer compresses with lz4: the broker must be able to decompress what services send. */
    @ParameterizedTest
    @ValueSource(strings = {"lz4", "snappy", "zstd", "gzip"})
    void acceptsCompressedBatches(String compression) throws Exception {
        String value = compression + "-" + UUID.randomUUID();
        send(TOPICS.inbound(), "CP-4", value, Map.of(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression));

        assertThat(readAll(TOPICS.inbound())).contains(value);
    }

    @Test
    void autoCreatesTopicsServicesAskFor() throws Exception {
        String topic = "service-owned-" + UUID.randomUUID();
        send(topic, "CP-2", "hello");
        assertThat(readAll(topic)).containsExactly("hello");
    }

    @Test
    void restartKeepsPortAndData() throws Exception {
        String value = "before-outage-" + UUID.randomUUID();
        send(TOPICS.presence(), "CP-3", value);
        String bootstrap = kafka.bootstrapServers();

        kafka.stopBroker();
        assertThat(kafka.isRunning()).isFalse();
        kafka.startBroker();

        assertThat(kafka.isRunning()).isTrue();
        assertThat(kafka.bootstrapServers()).isEqualTo(bootstrap);
        assertThat(readAll(TOPICS.presence())).contains(value);
        String after = "after-outage-" + UUID.randomUUID();
        send(TOPICS.presence(), "CP-3", after);
        assertThat(readAll(TOPICS.presence())).contains(value, after);
    }

    private static RecordMetadata send(String topic, String key, String value) throws Exception {
        return send(topic, key, value, Map.of());
    }

    private static RecordMetadata send(String topic, String key, String value, Map<String, Object> extra)
            throws Exception {
        Map<String, Object> config = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        config.putAll(extra);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            return producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    /** Every value on the topic, read by a fresh consumer group until the end offsets are reached. */
    private static List<String> readAll(String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                if (!consumer.assignment().isEmpty()
                        && consumer.assignment().stream().allMatch(tp -> consumer.position(tp)
                                >= consumer.endOffsets(List.of(tp)).get(tp))) {
                    return values;
                }
            }
        }
        throw new AssertionError("did not reach the end of " + topic + " within 30 s; read " + values);
    }
}
