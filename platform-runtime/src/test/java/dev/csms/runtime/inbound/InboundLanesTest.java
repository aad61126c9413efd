package dev.csms.runtime.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Unit test of {@link InboundLanes} on a plain Vert.x instance, with messages built like the Kafka connector's. */
class InboundLanesTest {

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private final Vertx vertx = Vertx.vertx();
    private final List<String> acked = new CopyOnWriteArrayList<>();
    private final List<String> nacked = new CopyOnWriteArrayList<>();
    private long offset;

    @AfterEach
    void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void oneStationsRecordsRunOneAfterTheOtherInTheirOrder() {
        InboundLanes lanes = lanes(16);
        List<String> order = new CopyOnWriteArrayList<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlapping = new AtomicInteger();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String label = "A-" + i;
            expected.add(label);
            admitted(lanes.process(message("A", label), record -> {
                if (running.incrementAndGet() > 1) {
                    overlapping.incrementAndGet();
                }
                return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(2))
                        .invoke(() -> {
                            order.add(label);
                            running.decrementAndGet();
                        });
            }));
        }
        await().atMost(DEADLINE).until(() -> acked.size() == 20);
        assertThat(order).containsExactlyElementsOf(expected);
        assertThat(overlapping).hasValue(0);
        assertThat(acked).containsExactlyElementsOf(expected);
    }

    @Test
    void differentStationsRunSideBySide() {
        InboundLanes lanes = lanes(16);
        CompletableFuture<Void> release = new CompletableFuture<>();
        Map<String, Boolean> started = new ConcurrentHashMap<>();
        for (String station : List.of("A", "B", "C")) {
            admitted(lanes.process(message(station, station), record -> {
                started.put(record.key(), true);
                return Uni.createFrom().completionStage(release);
            }));
        }
        // all three started although none has finished: no station waits for another
        await().atMost(DEADLINE).until(() -> started.size() == 3);
        assertThat(acked).isEmpty();
        assertThat(lanes.inFlight()).isEqualTo(3);
        release.complete(null);
        await().atMost(DEADLINE).until(() -> acked.size() == 3);
        assertThat(lanes.inFlight()).isZero();
    }

    @Test
    void beyondMaxInFlightTheNextRecordWaitsForRoom() {
        InboundLanes lanes = lanes(2);
        CompletableFuture<Void> releaseA = new CompletableFuture<>();
        admitted(lanes.process(message("A", "a"), record -> Uni.createFrom().completionStage(releaseA)));
        admitted(lanes.process(message("B", "b"), record -> Uni.createFrom().completionStage(new CompletableFuture<>())));
        UniAssertSubscriber<Void> third = lanes.process(message("C", "c"), record -> Uni.createFrom().voidItem())
                .subscribe().withSubscriber(UniAssertSubscriber.create());
        third.assertNotTerminated(); // no room: SmallRye delivers nothing more until there is
        releaseA.complete(null);
        third.awaitItem(DEADLINE);
        await().atMost(DEADLINE).until(() -> acked.containsAll(List.of("a", "c")));
        assertThat(acked).doesNotContain("b");
    }

    @Test
    void aFailedRecordIsNackedAndItsStationCarriesOn() {
        InboundLanes lanes = lanes(4);
        admitted(lanes.process(message("A", "bad"), record -> Uni.createFrom().failure(new IllegalStateException("x"))));
        admitted(lanes.process(message("A", "good"), record -> Uni.createFrom().voidItem()));
        await().atMost(DEADLINE).until(() -> acked.contains("good"));
        assertThat(nacked).containsExactly("bad");
        assertThat(acked).containsExactly("good");
    }

    @Test
    void eachRecordRunsOnItsOwnDuplicatedContext() {
        InboundLanes lanes = lanes(8);
        List<Context> contexts = Collections.synchronizedList(new ArrayList<>());
        List<Boolean> duplicated = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 4; i++) {
            admitted(lanes.process(message("S" + i, "m" + i), record -> {
                Context context = Vertx.currentContext();
                duplicated.add(VertxContext.isDuplicatedContext(context));
                contexts.add(context);
                return Uni.createFrom().voidItem();
            }));
        }
        await().atMost(DEADLINE).until(() -> acked.size() == 4);
        assertThat(duplicated).containsOnly(true);
        assertThat(contexts).doesNotHaveDuplicates().hasSize(4);
    }

    @Test
    void aMaxInFlightBelowOneIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> lanes(0)).hasMessageContaining("csms.inbound.max-in-flight");
    }

    private InboundLanes lanes(int maxInFlight) {
        return new InboundLanes(() -> maxInFlight, vertx);
    }

    private static void admitted(Uni<Void> admission) {
        admission.await().atMost(DEADLINE);
    }

    private Message<byte[]> message(String key, String label) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("ocpp.inbound", 0, offset++, key, new byte[0]);
        return Message.of(new byte[0], Metadata.of(new IncomingKafkaRecordMetadata<>(record, "ocpp-inbound")),
                () -> {
                    acked.add(label);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    nacked.add(label);
                    return CompletableFuture.completedFuture(null);
                });
    }
}
