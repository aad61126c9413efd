package dev.csms.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.csms.localstack.LocalStack;
import dev.csms.runtime.testing.LocalStackKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reader against the local stack's real broker, on a fresh three-partition topic per test. */
class TopicReaderTest {

    private String topic;
    private TopicReader reader;

    @BeforeEach
    void createTopic() throws Exception {
        topic = "test.reader." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterEach
    void closeReader() {
        if (reader != null) {
            reader.close();
        }
    }

    @Test
    void fromTheBeginningItIsCaughtUpOnlyAfterHandingOverEverythingThatWasThere() throws Exception {
        publish(30, "old");
        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        reader = new TopicReader(topic, TopicReader.StartAt.BEGINNING, this::consumer, r -> {
            awaitQuietly(release);
            seen.add(new String(r.value(), StandardCharsets.UTF_8));
        }).start();

        await().atMost(Duration.ofSeconds(20)).until(() -> reader.status().startsWith("reading"));
        assertThat(reader.isCaughtUp()).isFalse();
        release.countDown();

        reader.caughtUp().toCompletableFuture().get(20, TimeUnit.SECONDS);
        assertThat(seen).hasSize(30).allMatch(v -> v.startsWith("old"));
        publish(1, "new");
        await().atMost(Duration.ofSeconds(20)).until(() -> seen.size() == 31);
    }

    @Test
    void fromTheEndItSkipsThePastAndMissesNothingAfterCatchingUp() throws Exception {
        publish(5, "old");
        List<String> seen = new CopyOnWriteArrayList<>();
        reader = new TopicReader(topic, TopicReader.StartAt.END, this::consumer,
                r -> seen.add(new String(r.value(), StandardCharsets.UTF_8))).start();

        reader.caughtUp().toCompletableFuture().get(20, TimeUnit.SECONDS);
        publish(5, "new");

        await().atMost(Duration.ofSeconds(20)).until(() -> seen.size() == 5);
        assertThat(seen).allMatch(v -> v.startsWith("new"));
    }

    @Test
    void aMissingTopicIsWaitedFor() {
        reader = new TopicReader("test.reader.missing." + UUID.randomUUID(), TopicReader.StartAt.BEGINNING,
                this::consumer, r -> {
                }).start();

        await().atMost(Duration.ofSeconds(30)).until(() -> reader.status().startsWith("waiting for topic"));
        assertThat(reader.isCaughtUp()).isFalse();
    }

    private void publish(int count, String prefix) throws Exception {
        try (KafkaProducer<String, byte[]> producer = LocalStackKafka.producer()) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, "CS-" + i, (prefix + i).getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
    }

    private static String bootstrap() {
        return LocalStack.get().kafka().bootstrapServers();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
