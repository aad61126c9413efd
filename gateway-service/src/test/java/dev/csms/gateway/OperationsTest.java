package dev.csms.gateway;

import dev.csms.events.EventTypes;
import dev.csms.events.ocpp.DisconnectReason;
import dev.csms.gateway.support.GatewayTestResource;
import dev.csms.gateway.support.KafkaTestClient;
import dev.csms.gateway.support.SecondGateway;
import dev.csms.gateway.support.StationClient;
import dev.csms.gateway.support.StationClient.Options;
import dev.csms.gateway.support.TestStations;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.schema.OcppSchemaValidator;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static dev.csms.gateway.support.KafkaTestClient.TOPICS;
import static dev.csms.gateway.support.TestStations.call;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/** The handshake cap, graceful shutdown and the metrics. */
@QuarkusTest
@WithTestResource(value = GatewayTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OperationsTest {

    private static final String PASSWORD = "operations-secret-16";

    @Inject
    Gateway gateway;
    @Inject
    Vertx vertx;
    @Inject
    OcppSchemaValidator validator;

    private List<String> registered(KafkaTestClient kafka, String prefix, int count, Gateway... gateways) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = TestStations.newId(prefix);
            kafka.credentials(id, PASSWORD, 1, true, EnumSet.allOf(OcppVersion.class));
            ids.add(id);
        }
        for (Gateway each : gateways) {
            ids.forEach(id -> TestStations.awaitCredentials(each, id));
        }
        return ids;
    }

    /** The stations admitted (their connections closed again) and the refusals of a burst of first connections. */
    private record Burst(List<String> admitted, List<StationClient.Refused> refusals) {
    }

    private static Burst connectAtOnce(SecondGateway gateway, List<String> ids) {
        List<CompletableFuture<StationClient>> attempts = ids.stream()
                .map(id -> StationClient.connectAsync(gateway.uri(id), Options.basic(id, PASSWORD, "ocpp1.6")))
                .toList();
        List<String> admitted = new ArrayList<>();
        List<StationClient.Refused> refusals = new ArrayList<>();
        for (int i = 0; i < attempts.size(); i++) {
            try {
                attempts.get(i).get(30, TimeUnit.SECONDS).close();
                admitted.add(ids.get(i));
            } catch (Exception e) {
                Throwable cause = e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause();
                assertThat(cause).isInstanceOf(StationClient.Refused.class);
                refusals.add((StationClient.Refused) cause);
            }
        }
        return new Burst(admitted, refusals);
    }

    private static void assertDeferredFor2To4Seconds(List<StationClient.Refused> refusals) {
        assertThat(refusals).isNotEmpty().allSatisfy(refused -> {
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After").map(Integer::parseInt))
                    .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(2, 4));
        });
    }

    @Test
    void handshakesBeyondTheCapGet503WithRetryAfter() {
        try (KafkaTestClient kafka = new KafkaTestClient();
                SecondGateway capped = SecondGateway.start(vertx, validator, Map.of(
                        "csms.gateway.id", "gw-test-capped",
                        "csms.gateway.connections.max-concurrent-handshakes", "1",
                        "csms.gateway.connections.handshake-retry-after", "2s",
                        "csms.gateway.auth.verifier-threads", "1"))) {
            List<String> ids = registered(kafka, "storm", 6, capped.gateway());
            // six first connections at once: each needs a PBKDF2 verification, one at a time fits
            Burst burst = connectAtOnce(capped, ids);
            assertThat(burst.admitted()).isNotEmpty();
            assertDeferredFor2To4Seconds(burst.refusals());
            assertThat(capped.gateway().metrics().counted("csms.gateway.handshakes.rejected", "reason", "capacity"))
                    .isEqualTo(burst.refusals().size());
        }
    }

    @Test
    void passwordVerificationsBeyondTheirQueueGet503AndRememberedOnesDoNotQueue() throws Exception {
        try (KafkaTestClient kafka = new KafkaTestClient();
                SecondGateway capped = SecondGateway.start(vertx, validator, Map.of(
                        "csms.gateway.id", "gw-test-verifications",
                        "csms.gateway.auth.max-queued-verifications", "1",
                        "csms.gateway.connections.handshake-retry-after", "2s",
                        "csms.gateway.auth.verifier-threads", "1"))) {
            List<String> ids = registered(kafka, "verify", 6, capped.gateway());
            // six first connections at once: each needs a PBKDF2 verification, and one fits in the queue
            Burst burst = connectAtOnce(capped, ids);
            List<String> admitted = burst.admitted();
            List<StationClient.Refused> refusals = burst.refusals();
            assertThat(admitted).isNotEmpty();
            assertDeferredFor2To4Seconds(refusals);
            assertThat(capped.gateway().metrics().counted("csms.gateway.handshakes.rejected", "reason",
                    "verification-capacity")).isEqualTo(refusals.size());
            // the admitted stations reconnect all at once: a remembered verification needs no place in the queue
            List<CompletableFuture<StationClient>> again = admitted.stream()
                    .map(id -> StationClient.connectAsync(capped.uri(id), Options.basic(id, PASSWORD, "ocpp1.6")))
                    .toList();
            for (CompletableFuture<StationClient> attempt : again) {
                attempt.get(30, TimeUnit.SECONDS).close();
            }
            assertThat(capped.gateway().metrics().counted("csms.gateway.handshakes.rejected", "reason",
                    "verification-capacity")).isEqualTo(refusals.size());
        }
    }

    @Test
    void shutdownRefusesNewStationsAndClosesEveryConnectionWith1001() throws Exception {
        try (KafkaTestClient kafka = new KafkaTestClient();
                KafkaTestClient.Reader inbound = kafka.readFromEnd(TOPICS.inbound());
                KafkaTestClient.Reader presence = kafka.readFromEnd(TOPICS.presence())) {
            SecondGateway draining = SecondGateway.start(vertx, validator, Map.of(
                    "csms.gateway.id", "gw-test-draining", "csms.gateway.shutdown.drain-window", "3s"));
            List<String> ids = registered(kafka, "drain", 3, draining.gateway());
            List<StationClient> stations = ids.stream().map(id -> StationClient.connect(draining.uri(id),
                    Options.basic(id, PASSWORD, "ocpp2.0.1"))).toList();
            CompletableFuture<Void> shutdown = CompletableFuture.runAsync(draining::shutdown);
            await().atMost(Duration.ofSeconds(5)).until(() -> !draining.gateway().isAcceptingStations());
            String late = ids.get(0);
            assertThatThrownBy(() -> StationClient.connect(draining.uri(late), Options.basic(late, PASSWORD,
                    "ocpp2.0.1"))).isInstanceOfSatisfying(StationClient.Refused.class, refused -> {
                        assertThat(refused.status()).isEqualTo(503);
                        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
                    });

            for (StationClient station : stations) {
                assertThat(station.closed().get(10, TimeUnit.SECONDS)).isEqualTo(1001);
            }
            shutdown.get(15, TimeUnit.SECONDS);
            for (String id : ids) {
                await().atMost(Duration.ofSeconds(10)).until(() ->
                        inbound.events(EventTypes.STATION_DISCONNECTED, id).size() == 1
                                && presence.tombstones(id) == 1);
                assertThat(inbound.events(EventTypes.STATION_DISCONNECTED, id).get(0).data().reason())
                        .isEqualTo(DisconnectReason.GatewayShutdown);
            }
            assertThat(draining.gateway().connections().size()).isZero();
        }
    }

    @Test
    void metricsCountConnectionsMessagesLatenciesAndRefusals() {
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            String id = registered(kafka, "metrics", 1, gateway).get(0);
            assertThatThrownBy(() -> StationClient.connect(TestStations.plain("bad%20identity"),
                    Options.anonymous("ocpp2.0.1"))).isInstanceOf(StationClient.Refused.class);
            try (StationClient station = StationClient.connect(TestStations.plain(id),
                    Options.basic(id, PASSWORD, "ocpp2.1"))) {
                station.call(call("m-1", "Heartbeat", "{}"));
                given().when().get("/q/metrics").then().statusCode(200)
                        .body(matchesPattern("(?s).*csms_gateway_connections\\{profile=\"1\",version=\"2\\.1\"} "
                                + "[1-9].*"))
                        .body(containsString("csms_gateway_messages_total{action=\"Heartbeat\",direction=\"in\","
                                + "outcome=\"accepted\"}"))
                        .body(containsString("csms_gateway_publish_latency_seconds_count"))
                        .body(containsString("csms_gateway_publish_latency_seconds_bucket{le=\"+Inf\""))
                        .body(containsString("csms_gateway_decision_latency_seconds_bucket{le=\"0.001\""))
                        .body(not(matchesPattern("(?s).*csms_gateway_\\w+_latency_seconds\\{quantile=.*")))
                        .body(containsString("csms_gateway_handshakes_rejected_total{reason=\"identity\"}"))
                        .body(containsString("csms_gateway_commands_queued"))
                        .body(containsString("csms_gateway_decisions_pending"));
            }
        }
    }
}
