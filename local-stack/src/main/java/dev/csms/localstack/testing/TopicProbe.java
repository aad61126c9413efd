package dev.csms.localstack.testing;

import dev.csms.localstack.LocalStack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Test support: reads every partition of a topic of the local stack from the moment it is opened, on the test's
 * own thread (no consumer group, nothing committed). Each await polls the consumer until the condition holds or the
 * deadline passes; the consumer's poll is the wait, so there is no sleep.
 *
 * <pre>{@code
 * try (TopicProbe outbound = new TopicProbe(Topics.unprefixed().outbound())) {
 *     ... act ...
 *     ConsumerRecord<String, byte[]> answer = outbound.await(r -> stationId.equals(r.key()));
 * }
 * }</pre>
 */
public final class TopicProbe implements AutoCloseable {

    /**
     * How long {@link #await} and {@link #awaitAll(Predicate, int)} wait: long enough for a restarted consumer to
     * get its partitions back after the killed one's session timed out (45 s by default).
     */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(90);

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> received = new CopyOnWriteArrayList<>();

    public TopicProbe(String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.get().kafka().bootstrapServers(),
                ConsumerConfig.CLIENT_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // position() resolves the lazy seek now, so records written after the constructor returns are all seen
        partitions.forEach(consumer::position);
    }

    /** Polls until a record matches; returns the first that did. */
    public ConsumerRecord<String, byte[]> await(Predicate<ConsumerRecord<String, byte[]>> filter) {
        return awaitAll(filter, 1).get(0);
    }

    /** Polls until {@code count} records match; returns every match so far, in order. */
    public List<ConsumerRecord<String, byte[]>> awaitAll(Predicate<ConsumerRecord<String, byte[]>> filter, int count) {
        return awaitAll(filter, count, DEFAULT_TIMEOUT);
    }

    /**
     * Polls until {@code count} records match; returns every match so far, in order.
     *
     * @throws AssertionError when fewer matched within {@code atMost}
     */
    public List<ConsumerRecord<String, byte[]>> awaitAll(Predicate<ConsumerRecord<String, byte[]>> filter, int count,
            Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (matching(filter).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " matching record(s) within " + atMost + ", got "
                        + matching(filter).size() + " of " + received.size() + " received");
            }
            poll();
        }
        return matching(filter);
    }

    /**
     * Keeps polling for {@code during} and returns every matching record received so far: for asserting that
     * something does NOT arrive (a duplicate, an event that must not be published).
     */
    public List<ConsumerRecord<String, byte[]>> collectFor(Predicate<ConsumerRecord<String, byte[]>> filter,
            Duration during) {
        long end = System.nanoTime() + during.toNanos();
        while (System.nanoTime() < end) {
            poll();
        }
        return matching(filter);
    }

    /** Polls once and returns every matching record received so far. */
    public List<ConsumerRecord<String, byte[]>> poll(Predicate<ConsumerRecord<String, byte[]>> filter) {
        poll();
        return matching(filter);
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(50)).forEach(received::add);
    }

    private List<ConsumerRecord<String, byte[]>> matching(Predicate<ConsumerRecord<String, byte[]>> filter) {
        return received.stream().filter(filter).toList();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
