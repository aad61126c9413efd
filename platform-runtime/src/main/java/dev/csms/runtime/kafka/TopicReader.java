package dev.csms.runtime.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Reads every partition of one topic on its own thread (a Kafka consumer blocks) and hands each record to a
 * handler, from the beginning (to build a table from a compacted topic) or from the end (to follow new records).
 * {@link #caughtUp()} completes once the reader has read everything that was on the topic when it started; from
 * the end that is as soon as its positions are fixed, so nothing published afterwards can be missed.
 *
 * <p>Partitions added to the topic later are not read until the reader is restarted.
 */
public final class TopicReader implements AutoCloseable {

    /** Where reading starts. */
    public enum StartAt {
        BEGINNING, END
    }

    private static final Logger LOG = Logger.getLogger(TopicReader.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final String topic;
    private final StartAt startAt;
    private final Supplier<org.apache.kafka.clients.consumer.Consumer<String, byte[]>> factory;
    private final Consumer<ConsumerRecord<String, byte[]>> handler;
    private final CompletableFuture<Void> caughtUp = new CompletableFuture<>();
    private final Thread thread;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile String status = "starting";
    private volatile org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer;

    /**
     * @param topic the topic
     * @param startAt where to start
     * @param factory creates the consumer (no group: the reader assigns every partition itself)
     * @param handler gets every record, in order per partition, on the reader's thread; an exception it throws is
     *        logged and the record skipped
     */
    public TopicReader(String topic, StartAt startAt,
            Supplier<org.apache.kafka.clients.consumer.Consumer<String, byte[]>> factory,
            Consumer<ConsumerRecord<String, byte[]>> handler) {
        this.topic = topic;
        this.startAt = startAt;
        this.factory = factory;
        this.handler = handler;
        this.thread = new Thread(this::run, "csms-topic-reader-" + topic);
        this.thread.setDaemon(true);
    }

    public TopicReader start() {
        thread.start();
        return this;
    }

    /** Completes when everything on the topic at start has been handed to the handler (never fails). */
    public CompletionStage<Void> caughtUp() {
        return caughtUp;
    }

    public boolean isCaughtUp() {
        return caughtUp.isDone();
    }

    /** What the reader is doing, for health checks. */
    public String status() {
        return status;
    }

    public String topic() {
        return topic;
    }

    @Override
    public void close() {
        running = false;
        closed.countDown();
        var c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try (var c = factory.get()) {
            consumer = c;
            if (!running) {
                return;
            }
            Map<TopicPartition, Long> ends = assign(c);
            while (running) {
                ConsumerRecords<String, byte[]> records = c.poll(POLL);
                for (ConsumerRecord<String, byte[]> record : records) {
                    try {
                        handler.accept(record);
                    } catch (RuntimeException e) {
                        LOG.errorf(e, "Skipping record %s-%d@%d: the handler failed", record.topic(),
                                record.partition(), record.offset());
                    }
                }
                if (ends != null && reached(c, ends)) {
                    ends = null;
                    markCaughtUp();
                }
            }
        } catch (WakeupException e) {
            // close() stops a poll this way
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            status = "failed: " + e;
            LOG.errorf(e, "Reader of %s stopped", topic);
        }
    }

    /** Assigns every partition and positions the consumer; returns the end offsets to reach, or null if reached. */
    private Map<TopicPartition, Long> assign(org.apache.kafka.clients.consumer.Consumer<String, byte[]> c)
            throws InterruptedException {
        List<PartitionInfo> partitions = List.of();
        while (running && partitions.isEmpty()) {
            try {
                List<PartitionInfo> found = c.partitionsFor(topic, Duration.ofSeconds(10));
                partitions = found == null ? List.of() : found;
            } catch (KafkaException e) {
                LOG.debugf(e, "Partitions of %s not available yet", topic);
            }
            if (partitions.isEmpty()) {
                status = "waiting for topic " + topic;
                closed.await(RETRY.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        c.assign(assigned);
        if (startAt == StartAt.END) {
            c.seekToEnd(assigned);
            // resolve the positions now: a lazily resolved "end" could skip records published in between
            assigned.forEach(c::position);
            markCaughtUp();
            return null;
        }
        c.seekToBeginning(assigned);
        Map<TopicPartition, Long> ends = new HashMap<>(c.endOffsets(assigned));
        status = "reading " + topic + " up to " + ends.values().stream().mapToLong(Long::longValue).sum() + " records";
        if (reached(c, ends)) {
            markCaughtUp();
            return null;
        }
        return ends;
    }

    private static boolean reached(org.apache.kafka.clients.consumer.Consumer<String, byte[]> c,
            Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (c.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void markCaughtUp() {
        status = "following " + topic;
        LOG.debugf("Reader of %s caught up", topic);
        caughtUp.complete(null);
    }
}
