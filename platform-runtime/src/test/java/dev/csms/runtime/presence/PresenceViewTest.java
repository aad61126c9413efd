package dev.csms.runtime.presence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.csms.events.EventTypes;
import dev.csms.events.Topics;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.Presence;
import dev.csms.localstack.LocalStackTestResource;
import dev.csms.ocpp.OcppVersion;
import dev.csms.runtime.testing.LocalStackKafka;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The presence view following the real {@code ocpp.presence} topic; the test plays the gateway. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE, value = "runtime"))
class PresenceViewTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(20);

    @Inject
    PresenceView view;

    @Inject
    Topics topics;

    private final EventCodec codec = new EventCodec();
    private KafkaProducer<String, byte[]> gateway;

    @BeforeEach
    void openProducer() {
        gateway = LocalStackKafka.producer();
    }

    @AfterEach
    void closeProducer() {
        gateway.close(Duration.ofSeconds(5));
    }

    @Test
    void readinessReportsTheViewOnceCaughtUp() {
        await().atMost(ARRIVAL).until(view::isCaughtUp);
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("presence-view"))
                .body("checks.find { it.name == 'presence-view' }.status", equalTo("UP"));
    }

    @Test
    void aPresenceConnectsAndATombstoneDisconnects() throws Exception {
        String station = "CS-" + UUID.randomUUID();
        Presence presence = presence(station, "gw-1", 3);

        publish(presence, null);
        await().atMost(ARRIVAL).until(() -> view.isConnected(station));
        assertThat(view.get(station)).contains(presence);

        gateway.send(codec.tombstone(topics.presence(), station)).get();
        await().atMost(ARRIVAL).until(() -> !view.isConnected(station));
        assertThat(view.get(station)).isEmpty();
    }

    @Test
    void theNewerConnectionWinsWhateverTheOrderOfArrival() throws Exception {
        String station = "CS-" + UUID.randomUUID();
        String marker = "CS-" + UUID.randomUUID();

        RecordMetadata newer = publish(presence(station, "gw-2", 8), null);
        publish(presence(station, "gw-1", 7), null);
        // a marker behind both on the same partition: once the view has it, it has read the older one too
        publish(presence(marker, "gw-9", 1), newer.partition());
        await().atMost(ARRIVAL).until(() -> view.isConnected(marker));

        assertThat(view.get(station).map(Presence::gatewayId)).contains("gw-2");
        publish(presence(station, "gw-3", 9), null);
        await().atMost(ARRIVAL).until(() -> view.get(station).map(Presence::connectionEpoch).orElse(0L) == 9L);
        assertThat(view.get(station).map(Presence::gatewayId)).contains("gw-3");
    }

    private RecordMetadata publish(Presence presence, Integer partition) throws Exception {
        EventEnvelope<Presence> envelope = EventEnvelope.create(EventTypes.PRESENCE, "/csms/gateway-service/test",
                presence.stationId(), presence, Clock.systemUTC());
        ProducerRecord<String, byte[]> record = codec.toRecord(topics.presence(), envelope);
        return gateway.send(new ProducerRecord<>(record.topic(), partition, record.key(), record.value(),
                record.headers())).get();
    }

    private static Presence presence(String station, String gatewayId, long epoch) {
        return new Presence(station, gatewayId, epoch, OcppVersion.V2_0_1, 2, Instant.parse("2026-01-01T00:00:00Z"));
    }
}
