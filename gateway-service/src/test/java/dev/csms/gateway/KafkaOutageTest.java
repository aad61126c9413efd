package dev.csms.gateway;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.csms.events.EventTypes;
import dev.csms.gateway.support.GatewayTestResource;
import dev.csms.gateway.support.KafkaTestClient;
import dev.csms.gateway.support.StationClient;
import dev.csms.gateway.support.StationClient.Options;
import dev.csms.gateway.support.TestStations;
import dev.csms.localstack.LocalStack;
import dev.csms.localstack.kafka.KafkaBroker;
import dev.csms.ocpp.OcppVersion;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static dev.csms.gateway.support.KafkaTestClient.TOPICS;
import static dev.csms.gateway.support.TestStations.call;
import static dev.csms.gateway.support.TestStations.frame;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Kafka outage (the local stack's broker stopped and started again): the station gets a CALLERROR for what
 * Kafka could not take, readiness is DOWN meanwhile, and every message acknowledged to the station is in the topic.
 */
@QuarkusTest
@WithTestResource(value = GatewayTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class KafkaOutageTest {

    private static final String PASSWORD = "kafka-outage-secret-16";

    @Inject
    Gateway gateway;

    @Test
    void duringAnOutageStationsGetCallErrorsAndNothingAcknowledgedIsLost() {
        KafkaBroker broker = LocalStack.get().kafka();
        String id = TestStations.newId("outage");
        List<String> acknowledged = new ArrayList<>();
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.credentials(id, PASSWORD, 1, true, EnumSet.allOf(OcppVersion.class));
            TestStations.awaitCredentials(gateway, id);
            await().atMost(Duration.ofSeconds(30)).until(() -> gateway.readiness().isReady());
            try (StationClient station = StationClient.connect(TestStations.plain(id),
                    Options.basic(id, PASSWORD, "ocpp1.6"))) {
                for (int i = 0; i < 3; i++) {
                    String messageId = "before-" + i;
                    ArrayNode answer = frame(station.call(call(messageId, "StatusNotification",
                            "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Available\"}")));
                    assertThat(answer.get(0).asInt()).isEqualTo(3);
                    acknowledged.add(messageId);
                }

                broker.stopBroker();
                try {
                    await().atMost(Duration.ofSeconds(15)).until(() -> !gateway.readiness().isReady());
                    given().when().get("/q/health/ready").then().statusCode(503);

                    ArrayNode refused = frame(station.call(call("during", "StatusNotification",
                            "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Faulted\"}")));
                    assertThat(refused.get(0).asInt()).isEqualTo(4);
                    assertThat(refused.get(1).asText()).isEqualTo("during");
                    assertThat(refused.get(2).asText()).isEqualTo("InternalError");
                } finally {
                    broker.startBroker();
                }

                await().atMost(Duration.ofSeconds(60)).until(() -> gateway.readiness().isReady());
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    ArrayNode answer = frame(station.call(call("after-" + System.nanoTime(), "StatusNotification",
                            "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Available\"}")));
                    assertThat(answer.get(0).asInt()).isEqualTo(3);
                    acknowledged.add(answer.get(1).asText());
                });
            }

            try (KafkaTestClient.Reader everything = kafka.readFromBeginning(TOPICS.inbound())) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        everything.events(EventTypes.STATION_CALL, id).stream().map(e -> e.data().messageId()))
                        .containsAll(acknowledged));
            }
        }
    }
}
