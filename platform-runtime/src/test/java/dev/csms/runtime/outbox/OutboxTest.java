package dev.csms.runtime.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.csms.events.EventTypes;
import dev.csms.events.Topics;
import dev.csms.events.cloudevents.CloudEventHeaders;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.Presence;
import dev.csms.localstack.LocalStack;
import dev.csms.localstack.LocalStackTestResource;
import dev.csms.ocpp.OcppVersion;
import dev.csms.localstack.testing.TopicProbe;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox against the real PostgreSQL and Kafka of the local stack. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE, value = "runtime"))
class OutboxTest {

    private static final Logger LOG = Logger.getLogger(OutboxTest.class);
    private static final Duration DELIVERY = Duration.ofSeconds(20);

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    Pool pool;

    @Inject
    Topics topics;

    private final EventCodec codec = new EventCodec();
    private String topic;
    private TopicProbe probe;

    @BeforeEach
    void openProbe() {
        topic = topics.name(Topics.DEVICE_STATIONS);
        probe = new TopicProbe(topic);
    }

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    @Test
    void aRolledBackTransactionLeavesNeitherTheRowNorTheRecord() throws Throwable {
        String station = station();

        Throwable failure = catchThrowable(() -> VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> new TestStation(station, "rolled back").persist()
                        .chain(() -> outbox.enqueue(record(station, "rolled-back")))
                        .chain(() -> Uni.createFrom().failure(new IllegalStateException("business rule violated"))))));

        assertThat(failure).hasMessage("business rule violated");
        assertThat(count("select count(*) from test_station where id = $1", station)).isZero();
        assertThat(count("select count(*) from csms_outbox where record_key = $1", station)).isZero();
        // Kafka keeps a key's records in order: a later committed marker arrives, and nothing of it before
        commit(station, "marker");
        assertThat(values(probe.awaitAll(r -> station.equals(r.key()), 1, DELIVERY))).containsExactly("marker");
    }

    @Test
    void aCommittedTransactionPublishesExactlyOneRecordWithKeyAndHeaders() throws Throwable {
        String station = station();
        EventEnvelope<Presence> event = presence(station);
        OutboxRecord record = OutboxRecord.from(codec.toRecord(topic, event));

        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> new TestStation(station, "committed").persist().chain(() -> outbox.enqueue(record))));
        commit(station, "marker");

        List<ConsumerRecord<String, byte[]>> received = probe.awaitAll(r -> station.equals(r.key()), 2, DELIVERY);
        assertThat(values(received).get(1)).isEqualTo("marker");
        ConsumerRecord<String, byte[]> published = received.get(0);
        assertThat(published.key()).isEqualTo(station);
        assertThat(published.value()).isEqualTo(record.value());
        List<OutboxRecord.Header> headers = new ArrayList<>();
        published.headers().forEach(h -> headers.add(new OutboxRecord.Header(h.key(), h.value())));
        assertThat(headers).containsExactlyElementsOf(record.headers());
        assertThat(header(published, CloudEventHeaders.ID)).isEqualTo(event.id());
        assertThat(header(published, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.PRESENCE.type());
        assertThat(codec.fromRecord(published, EventTypes.PRESENCE)).isEqualTo(event);
        assertThat(count("select count(*) from test_station where id = $1", station)).isEqualTo(1);
        await().atMost(DELIVERY).until(() -> count("select count(*) from csms_outbox where record_key = $1", station) == 0);
    }

    @Test
    void recordsOfOneKeyArriveInTheOrderTheyWereWritten() throws Throwable {
        String station = station();
        String other = station();

        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> outbox.enqueue(record(station, "1"))
                .chain(() -> outbox.enqueue(record(other, "x")))
                .chain(() -> outbox.enqueue(record(station, "2")))));
        commit(station, "3");
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> outbox.enqueue(record(station, "4"))
                .chain(() -> outbox.enqueue(record(station, "5")))
                .chain(() -> outbox.enqueue(record(station, "6")))));

        assertThat(values(probe.awaitAll(r -> station.equals(r.key()), 6, DELIVERY)))
                .containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(values(probe.awaitAll(r -> other.equals(r.key()), 1, DELIVERY))).containsExactly("x");
    }

    @Test
    void aBatchEnqueuedOnTheSqlClientArrivesInListOrderWithItsHeaders() throws Throwable {
        String station = station();
        String other = station();
        EventEnvelope<Presence> event = presence(station);
        OutboxRecord withHeaders = OutboxRecord.from(codec.toRecord(topic, event));

        pool.withTransaction(connection -> outbox.enqueueAll(connection, List.of(record(station, "1"),
                record(other, "x"), withHeaders, record(station, "3"), OutboxRecord.from(codec.tombstone(topic, other)))))
                .await().atMost(Duration.ofSeconds(10));

        List<ConsumerRecord<String, byte[]>> received = probe.awaitAll(r -> station.equals(r.key()), 3, DELIVERY);
        assertThat(new String(received.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("1");
        assertThat(received.get(1).value()).isEqualTo(withHeaders.value());
        assertThat(codec.fromRecord(received.get(1), EventTypes.PRESENCE)).isEqualTo(event);
        assertThat(new String(received.get(2).value(), StandardCharsets.UTF_8)).isEqualTo("3");
        List<ConsumerRecord<String, byte[]>> others = probe.awaitAll(r -> other.equals(r.key()), 2, DELIVERY);
        assertThat(new String(others.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("x");
        assertThat(others.get(1).value()).isNull();
    }

    @Test
    void aBatchOfARolledBackSqlClientTransactionIsNeverPublished() throws Throwable {
        String station = station();

        Throwable failure = catchThrowable(() -> pool.withTransaction(connection -> outbox.enqueueAll(connection,
                List.of(record(station, "rolled-back")))
                .chain(() -> Uni.createFrom().failure(new IllegalStateException("batch failed"))))
                .await().atMost(Duration.ofSeconds(10)));

        assertThat(failure).hasMessage("batch failed");
        assertThat(count("select count(*) from csms_outbox where record_key = $1", station)).isZero();
        commit(station, "marker");
        assertThat(values(probe.awaitAll(r -> station.equals(r.key()), 1, DELIVERY))).containsExactly("marker");
    }

    @Test
    void enqueueOutsideATransactionIsRefused() {
        Throwable failure = catchThrowable(() -> VertxContextSupport.subscribeAndAwait(
                () -> Panache.withSession(() -> outbox.enqueue(record(station(), "no transaction")))));

        assertThat(failure).isInstanceOf(IllegalStateException.class).hasMessageContaining("inside a reactive transaction");
    }

    @Test
    void exactlyOneRelayHoldsTheOutboxLock() {
        await().atMost(DELIVERY).until(relay::isRelaying);
        OutboxStore second = new OutboxStore(pool, Duration.ofSeconds(10), () -> {
        });

        assertThat(second.tryAcquire()).isFalse();
    }

    @Test
    void aCommitWakesTheRelayWithinMilliseconds() throws Throwable {
        // csms.outbox.poll-interval is 10s in this test application: only the commit notification is this fast
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String station = station();
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> outbox.enqueue(record(station, "t"))));
            long committed = System.nanoTime();
            probe.awaitAll(r -> station.equals(r.key()), 1, DELIVERY);
            latencies.add(Duration.ofNanos(System.nanoTime() - committed).toMillis());
        }
        List<Long> sorted = latencies.stream().sorted().toList();
        long median = sorted.get(sorted.size() / 2);
        long max = sorted.get(sorted.size() - 1);
        LOG.infof("Outbox commit-to-consumer latency over %d commits: median %d ms, max %d ms, all %s",
                sorted.size(), median, max, sorted);
        assertThat(median).isLessThan(1000);
    }

    @Test
    void theRelaySurvivesAKafkaOutageAndPublishesLater() throws Throwable {
        String station = station();
        long failedBefore = relay.failedRounds();
        LocalStack.get().kafka().stopBroker();
        try {
            commit(station, "during the outage");
            await().atMost(Duration.ofSeconds(30)).until(() -> relay.failedRounds() > failedBefore);
            assertThat(count("select count(*) from csms_outbox where record_key = $1", station)).isEqualTo(1);
        } finally {
            LocalStack.get().kafka().startBroker();
        }

        assertThat(values(probe.awaitAll(r -> station.equals(r.key()), 1, Duration.ofSeconds(60))))
                .containsExactly("during the outage");
        await().atMost(DELIVERY).until(() -> count("select count(*) from csms_outbox where record_key = $1", station) == 0);
    }

    private void commit(String station, String value) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> outbox.enqueue(record(station, value))));
    }

    /** A record with a plain text value, to follow order and identity. */
    private OutboxRecord record(String station, String value) {
        return OutboxRecord.of(topic, station, value.getBytes(StandardCharsets.UTF_8), Map.of("ce_subject", station));
    }

    private static EventEnvelope<Presence> presence(String station) {
        return EventEnvelope.create(EventTypes.PRESENCE, "/csms/outbox-test", station,
                new Presence(station, "gw-1", 1, OcppVersion.V2_0_1, 1, Instant.parse("2026-01-01T00:00:00Z")),
                Clock.systemUTC()).withExtension(CloudEventHeaders.TRACEPARENT,
                        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    }

    private long count(String sql, String key) {
        return pool.preparedQuery(sql).execute(Tuple.of(key)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    private static String station() {
        return "CS-" + UUID.randomUUID();
    }

    private static List<String> values(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
