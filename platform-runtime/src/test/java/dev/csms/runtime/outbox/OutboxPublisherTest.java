package dev.csms.runtime.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Unit test of the delete-what-is-safe rule, with Kafka's MockProducer acknowledging by hand. */
class OutboxPublisherTest {

    private final List<MockProducer<String, byte[]>> producers = new ArrayList<>();
    private final AtomicReference<RuntimeException> throwOnSend = new AtomicReference<>();
    private final OutboxPublisher publisher = new OutboxPublisher(this::newProducer, Duration.ofSeconds(5));

    @AfterEach
    void close() {
        publisher.close();
    }

    @Test
    void everyAcknowledgedRowIsDeletableAndSentAsWritten() throws Exception {
        List<OutboxRow> rows = List.of(
                row(1, "CS-1", "a", Map.of("ce_id", "1", "ce_type", "t")),
                row(2, "CS-2", "b", Map.of("ce_id", "2")),
                row(3, "CS-1", null, Map.of()));

        CompletableFuture<OutboxPublisher.Outcome> outcome = publishAsync(rows);
        await().atMost(Duration.ofSeconds(5)).until(() -> current().history().size() == 3);
        complete(3);

        OutboxPublisher.Outcome result = outcome.get();
        assertThat(result.deletable()).containsExactly(1L, 2L, 3L);
        assertThat(result.allPublished()).isTrue();
        List<ProducerRecord<String, byte[]>> sent = current().history();
        assertThat(sent).extracting(ProducerRecord::key).containsExactly("CS-1", "CS-2", "CS-1");
        assertThat(new String(sent.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("a");
        assertThat(sent.get(2).value()).isNull();
        assertThat(new String(sent.get(0).headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("t");
    }

    @Test
    void afterAFailureNothingLaterOfTheSameKeyIsDeleted() throws Exception {
        List<OutboxRow> rows = List.of(
                row(1, "CS-1", "a1", Map.of()),
                row(2, "CS-1", "a2", Map.of()),
                row(3, "CS-2", "b1", Map.of()),
                row(4, "CS-1", "a3", Map.of()));

        CompletableFuture<OutboxPublisher.Outcome> outcome = publishAsync(rows);
        await().atMost(Duration.ofSeconds(5)).until(() -> current().history().size() == 4);
        MockProducer<String, byte[]> first = current();
        first.errorNext(new TimeoutException("broker away"));
        complete(3);

        OutboxPublisher.Outcome result = outcome.get();
        // CS-1's a2 and a3 were acknowledged but follow the failed a1: they are sent again after it
        assertThat(result.deletable()).containsExactly(3L);
        assertThat(result.failed()).isEqualTo(1);
        assertThat(result.firstFailure()).isInstanceOf(TimeoutException.class);
        assertThat(first.closed()).isTrue();

        CompletableFuture<OutboxPublisher.Outcome> retry = publishAsync(List.of(rows.get(0), rows.get(1), rows.get(3)));
        await().atMost(Duration.ofSeconds(5)).until(() -> producers.size() == 2 && current().history().size() == 3);
        complete(3);
        assertThat(retry.get().deletable()).containsExactly(1L, 2L, 4L);
    }

    @Test
    void aSendThatThrowsStopsTheBatch() throws Exception {
        List<OutboxRow> rows = List.of(row(1, "CS-1", "a", Map.of()), row(2, "CS-2", "b", Map.of()),
                row(3, "CS-3", "c", Map.of()));
        throwOnSend.set(new TimeoutException("metadata not available"));

        CompletableFuture<OutboxPublisher.Outcome> outcome = publishAsync(rows);

        OutboxPublisher.Outcome result = outcome.get();
        assertThat(result.deletable()).isEmpty();
        assertThat(result.failed()).isEqualTo(3);
        assertThat(producers.get(0).history()).isEmpty();
    }

    private CompletableFuture<OutboxPublisher.Outcome> publishAsync(List<OutboxRow> rows) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return publisher.publish(rows);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void complete(int count) {
        for (int i = 0; i < count; i++) {
            assertThat(current().completeNext()).isTrue();
        }
    }

    private MockProducer<String, byte[]> current() {
        return producers.get(producers.size() - 1);
    }

    private MockProducer<String, byte[]> newProducer() {
        MockProducer<String, byte[]> producer = new MockProducer<>(false, null, new StringSerializer(),
                new ByteArraySerializer());
        producer.sendException = throwOnSend.get();
        producers.add(producer);
        return producer;
    }

    private static OutboxRow row(long id, String key, String value, Map<String, String> headers) {
        return new OutboxRow(id, OutboxRecord.of("ocpp.outbound", key,
                value == null ? null : value.getBytes(StandardCharsets.UTF_8), headers));
    }
}
