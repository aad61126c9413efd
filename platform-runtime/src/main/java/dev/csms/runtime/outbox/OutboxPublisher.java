package dev.csms.runtime.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Publishes a batch of outbox rows and says which of them may be deleted. A row may be deleted once the broker
 * acknowledged it and no earlier row of the same key in the batch failed: then a retry republishes the failed row
 * and everything after it for that key, so each key's records end up on the topic in order (possibly with
 * duplicates, never with gaps).
 */
final class OutboxPublisher implements AutoCloseable {

    /** What became of a batch. */
    record Outcome(List<Long> deletable, int failed, Throwable firstFailure) {
        boolean allPublished() {
            return failed == 0;
        }
    }

    private final Supplier<Producer<String, byte[]>> factory;
    private final Duration ackTimeout;
    private Producer<String, byte[]> producer;

    /**
     * @param factory creates a producer; called again after a failure, so that no failed producer state carries
     *        over into the retry
     * @param ackTimeout how long to wait for the acknowledgements of a batch (the producer's delivery timeout
     *        plus a margin: by then every send has completed one way or the other)
     */
    OutboxPublisher(Supplier<Producer<String, byte[]>> factory, Duration ackTimeout) {
        this.factory = factory;
        this.ackTimeout = ackTimeout;
    }

    /** Sends every row in order, waits for all acknowledgements. Blocks: call it from the relay thread only. */
    Outcome publish(List<OutboxRow> rows) throws InterruptedException {
        if (producer == null) {
            producer = factory.get();
        }
        List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            acks.add(ack);
            if (acks.size() > 1 && acks.get(acks.size() - 2).isCompletedExceptionally()) {
                // a send already failed synchronously: sending more now could only reorder
                ack.completeExceptionally(new IllegalStateException("not sent after an earlier failure"));
                continue;
            }
            try {
                producer.send(toProducerRecord(row.record()), (metadata, error) -> {
                    if (error == null) {
                        ack.complete(null);
                    } else {
                        ack.completeExceptionally(error);
                    }
                });
            } catch (RuntimeException e) {
                ack.completeExceptionally(e);
            }
        }
        Throwable first = null;
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            first = e instanceof ExecutionException ? e.getCause() : e;
        }
        List<Long> deletable = new ArrayList<>();
        Set<String> failedKeys = new HashSet<>();
        int failed = 0;
        for (int i = 0; i < rows.size(); i++) {
            OutboxRow row = rows.get(i);
            CompletableFuture<Void> ack = acks.get(i);
            String key = Objects.toString(row.record().key(), "");
            boolean ok = ack.isDone() && !ack.isCompletedExceptionally();
            if (!ok) {
                failed++;
                if (first == null) {
                    first = ack.isDone() ? ack.handle((v, t) -> t).join() : new TimeoutException("no ack");
                }
                failedKeys.add(key);
            } else if (!failedKeys.contains(key)) {
                deletable.add(row.id());
            }
        }
        if (failed > 0) {
            reset();
        }
        return new Outcome(deletable, failed, failed > 0 ? first : null);
    }

    /** Drops the producer; pending sends are aborted and the next batch gets a new producer. */
    void reset() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(ackTimeout);
            producer = null;
        }
    }

    private static ProducerRecord<String, byte[]> toProducerRecord(OutboxRecord record) {
        RecordHeaders headers = new RecordHeaders();
        record.headers().forEach(h -> headers.add(h.key(), h.value()));
        return new ProducerRecord<>(record.topic(), null, record.key(), record.value(), headers);
    }
}
