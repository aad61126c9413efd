package dev.csms.gateway.kafka;

import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.gateway.metrics.GatewayMetrics;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes the gateway's records with the one shared idempotent producer and tells the caller when Kafka
 * acknowledged them (acks=all). Never blocks: {@code send} runs with {@code max.block.ms=0}, and the bytes not yet
 * acknowledged are capped, so that a slow or unreachable cluster turns into failed futures (CALLERRORs for
 * stations) instead of growing memory or stalled event loops.
 *
 * <p>The futures complete on the producer's I/O thread: callers hop back to their Vert.x context.
 */
public final class EventPublisher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EventPublisher.class);
    private static final int RECORD_OVERHEAD = 128;

    private final Producer<String, byte[]> producer;
    private final EventCodec codec;
    private final GatewayMetrics metrics;
    private final long maxUnacknowledgedBytes;
    private final AtomicLong unacknowledgedBytes = new AtomicLong();
    private final AtomicLong lastSuccessNanos = new AtomicLong(System.nanoTime());
    private final AtomicLong lastFailureNanos = new AtomicLong(Long.MIN_VALUE);

    public EventPublisher(Producer<String, byte[]> producer, EventCodec codec, GatewayMetrics metrics,
            long maxUnacknowledgedBytes) {
        this.producer = producer;
        this.codec = codec;
        this.metrics = metrics;
        this.maxUnacknowledgedBytes = maxUnacknowledgedBytes;
    }

    /** Publishes an event, keyed by its subject (the station id). */
    public CompletableFuture<RecordMetadata> publish(String topic, EventEnvelope<?> envelope) {
        ProducerRecord<String, byte[]> record;
        try {
            record = codec.toRecord(topic, envelope);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return send(record);
    }

    /** Publishes a tombstone for a station on a compacted topic. */
    public CompletableFuture<RecordMetadata> tombstone(String topic, String stationId) {
        return send(codec.tombstone(topic, stationId));
    }

    /** Sends a record; the future fails when the cap is reached, the metadata is unknown, or delivery fails. */
    public CompletableFuture<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
        long size = RECORD_OVERHEAD + (record.value() == null ? 0 : record.value().length) + record.key().length();
        if (unacknowledgedBytes.addAndGet(size) > maxUnacknowledgedBytes) {
            unacknowledgedBytes.addAndGet(-size);
            failed();
            return CompletableFuture.failedFuture(new KafkaBackloggedException(maxUnacknowledgedBytes));
        }
        CompletableFuture<RecordMetadata> future = new CompletableFuture<>();
        long started = System.nanoTime();
        try {
            producer.send(record, (metadata, error) -> {
                unacknowledgedBytes.addAndGet(-size);
                if (error == null) {
                    lastSuccessNanos.set(System.nanoTime());
                    metrics.publishLatency(System.nanoTime() - started);
                    future.complete(metadata);
                } else {
                    failed();
                    future.completeExceptionally(error);
                }
            });
        } catch (KafkaException | IllegalStateException e) {
            // max.block.ms=0: unknown metadata or a full buffer fail here, synchronously
            unacknowledgedBytes.addAndGet(-size);
            failed();
            future.completeExceptionally(e);
        }
        return future;
    }

    /**
     * Fetches the metadata of the topics the gateway writes, so that the first sends do not fail; blocks (call it on
     * a worker thread) until every topic is known or {@code timeout} passed.
     *
     * @return whether every topic is known
     */
    public boolean awaitMetadata(List<String> topics, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String topic : topics) {
            while (true) {
                try {
                    // with max.block.ms=0 this asks for the metadata and fails at once until it is there
                    if (!producer.partitionsFor(topic).isEmpty()) {
                        break;
                    }
                } catch (TimeoutException e) {
                    LOG.tracef("Metadata of %s not there yet", topic);
                }
                if (System.nanoTime() > deadline) {
                    return false;
                }
                // a worker thread polling while the producer's I/O thread fetches the metadata
                Thread.sleep(50);
            }
        }
        return true;
    }

    /** Whether the last send failed, less than {@code withinNanos} ago. */
    public boolean failedRecently(long withinNanos) {
        long failure = lastFailureNanos.get();
        return failure != Long.MIN_VALUE && failure - lastSuccessNanos.get() > 0
                && System.nanoTime() - failure < withinNanos;
    }

    /** Bytes sent and not yet acknowledged. */
    public long unacknowledgedBytes() {
        return unacknowledgedBytes.get();
    }

    /** Waits until everything sent so far is acknowledged or failed (blocks: shutdown only). */
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    private void failed() {
        lastFailureNanos.set(System.nanoTime());
    }

    /** The cap on unacknowledged bytes was reached: Kafka is slower than the stations. */
    public static final class KafkaBackloggedException extends KafkaException {
        KafkaBackloggedException(long cap) {
            super("more than " + cap + " bytes are waiting for Kafka's acknowledgement");
        }
    }
}
