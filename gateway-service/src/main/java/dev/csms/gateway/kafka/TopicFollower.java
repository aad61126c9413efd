package dev.csms.gateway.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Reads every partition of one topic, without a consumer group, on its own thread (a Kafka consumer blocks), and
 * hands each record to a handler: from the beginning to build a table from a compacted topic, or from the end to
 * follow what is published from now on. {@link #caughtUp()} completes once everything that was on the topic at
 * start has been handled (from the end: once the positions are fixed, so nothing published later is missed).
 */
public final class TopicFollower implements AutoCloseable {

    /** Where reading starts. */
    public enum StartAt {
        BEGINNING, END
    }

    private static final Logger LOG = Logger.getLogger(TopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final String topic;
    private final StartAt startAt;
    private final Supplier<Consumer<String, byte[]>> factory;
    private final java.util.function.Consumer<ConsumerRecord<String, byte[]>> handler;
    private final CompletableFuture<Void> caughtUp = new CompletableFuture<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Consumer<String, byte[]> consumer;

    /**
     * @param handler gets every record, in order per partition, on the follower's thread; an exception it throws
     *                is logged and the record skipped (a record that fails once fails again)
     */
    public TopicFollower(String topic, StartAt startAt, Supplier<Consumer<String, byte[]>> factory,
            java.util.function.Consumer<ConsumerRecord<String, byte[]>> handler) {
        this.topic = topic;
        this.startAt = startAt;
        this.factory = factory;
        this.handler = handler;
        this.thread = new Thread(this::run, "csms-gateway-follow-" + topic);
        this.thread.setDaemon(true);
    }

    public TopicFollower start() {
        thread.start();
        return this;
    }

    /** Completes when everything on the topic at start has been handled; never fails. */
    public CompletableFuture<Void> caughtUp() {
        return caughtUp;
    }

    public boolean isCaughtUp() {
        return caughtUp.isDone();
    }

    public String topic() {
        return topic;
    }

    @Override
    public void close() {
        running = false;
        closing.countDown();
        Consumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try (Consumer<String, byte[]> c = factory.get()) {
            consumer = c;
            Map<TopicPartition, Long> ends = assign(c);
            while (running) {
                ConsumerRecords<String, byte[]> records = c.poll(POLL);
                for (ConsumerRecord<String, byte[]> record : records) {
                    try {
                        handler.accept(record);
                    } catch (RuntimeException e) {
                        LOG.errorf(e, "Skipping %s-%d@%d: its handler failed", record.topic(), record.partition(),
                                record.offset());
                    }
                }
                if (ends != null && reached(c, ends)) {
                    ends = null;
                    caughtUp.complete(null);
                }
            }
        } catch (WakeupException e) {
            // close() ends a poll this way
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.errorf(e, "The follower of %s stopped", topic);
        }
    }

    private Map<TopicPartition, Long> assign(Consumer<String, byte[]> c) throws InterruptedException {
        List<PartitionInfo> partitions = List.of();
        while (running && partitions.isEmpty()) {
            try {
                List<PartitionInfo> found = c.partitionsFor(topic, Duration.ofSeconds(10));
                partitions = found == null ? List.of() : found;
            } catch (KafkaException e) {
                LOG.debugf(e, "Partitions of %s not available yet", topic);
            }
            if (partitions.isEmpty()) {
                // the topic does not exist yet or the cluster is unreachable: look again shortly
                closing.await(RETRY.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        c.assign(assigned);
        if (startAt == StartAt.END) {
            c.seekToEnd(assigned);
            // resolve the positions now: a lazily resolved end could skip records published in between
            assigned.forEach(c::position);
            caughtUp.complete(null);
            return null;
        }
        c.seekToBeginning(assigned);
        Map<TopicPartition, Long> ends = new HashMap<>(c.endOffsets(assigned));
        if (reached(c, ends)) {
            caughtUp.complete(null);
            return null;
        }
        return ends;
    }

    private static boolean reached(Consumer<String, byte[]> c, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (c.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }
}
