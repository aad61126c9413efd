package dev.csms.gateway;

import dev.csms.events.EventTypes;
import dev.csms.events.ocpp.DisconnectReason;
import dev.csms.events.ocpp.Presence;
import dev.csms.events.ocpp.StationConnected;
import dev.csms.events.ocpp.StationDisconnected;
import dev.csms.gateway.support.GatewayTestResource;
import dev.csms.gateway.support.KafkaTestClient;
import dev.csms.gateway.support.StationClient;
import dev.csms.gateway.support.StationClient.Options;
import dev.csms.gateway.support.TestStations;
import dev.csms.ocpp.OcppVersion;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.csms.gateway.support.KafkaTestClient.TOPICS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Identity, subprotocol negotiation, presence, supersede, dead connections and the message size limit. */
@QuarkusTest
@WithTestResource(value = GatewayTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ConnectionLayerTest {

    private static final String PASSWORD = "connection-layer-secret";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static KafkaTestClient kafka;

    @Inject
    Gateway gateway;

    @BeforeAll
    static void kafka() {
        kafka = new KafkaTestClient();
    }

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    private String registered(String prefix, OcppVersion... versions) {
        String id = TestStations.newId(prefix);
        kafka.credentials(id, PASSWORD, 1, true, versions.length == 0 ? EnumSet.allOf(OcppVersion.class)
                : EnumSet.of(versions[0], versions));
        TestStations.awaitCredentials(gateway, id);
        return id;
    }

    private static StationClient connect(String id, String... subprotocols) {
        return StationClient.connect(TestStations.plain(id), Options.basic(id, PASSWORD, subprotocols));
    }

    @Test
    void invalidIdentitiesAreRefusedWith400() {
        for (String segment : List.of("with%2Fslash", "with%20space", "%E0%A4", "a%3Acolon", "x".repeat(49), "",
                "two/segments")) {
            assertThatThrownBy(() -> StationClient.connect(TestStations.plain(segment),
                    Options.basic("any", PASSWORD, "ocpp2.0.1")))
                    .as("identity '%s'", segment)
                    .isInstanceOfSatisfying(StationClient.Refused.class, refused -> assertThat(refused.status())
                            .isEqualTo(400));
        }
    }

    @Test
    void aPercentEncodedIdentityIsDecoded() {
        String id = registered("pct");
        String encoded = id.replace("-", "%2D");
        try (KafkaTestClient.Reader inbound = kafka.readFromEnd(TOPICS.inbound());
                StationClient station = StationClient.connect(TestStations.plain(encoded),
                        Options.basic(id, PASSWORD, "ocpp1.6"))) {
            assertThat(station.subprotocol()).isEqualTo("ocpp1.6");
            await().atMost(WAIT).until(() -> inbound.events(EventTypes.STATION_CONNECTED, id).size() == 1);
        }
    }

    @Test
    void noSupportedSubprotocolIsRefusedWith400() {
        String id = registered("noproto");
        assertThatThrownBy(() -> connect(id, "ocpp1.5", "chat"))
                .isInstanceOfSatisfying(StationClient.Refused.class, r -> assertThat(r.status()).isEqualTo(400));
        assertThatThrownBy(() -> connect(id))
                .isInstanceOfSatisfying(StationClient.Refused.class, r -> assertThat(r.status()).isEqualTo(400));
    }

    @Test
    void theHighestVersionOfferedAndAllowedWins() {
        String id = registered("negotiate", OcppVersion.V1_6, OcppVersion.V2_0_1);
        try (StationClient station = connect(id, "ocpp1.6", "ocpp2.0.1", "ocpp2.1")) {
            assertThat(station.subprotocol()).isEqualTo("ocpp2.0.1");
        }
        String old = registered("only16", OcppVersion.V1_6);
        assertThatThrownBy(() -> connect(old, "ocpp2.1", "ocpp2.0.1"))
                .isInstanceOfSatisfying(StationClient.Refused.class, r -> assertThat(r.status()).isEqualTo(400));
    }

    @Test
    void connectingPublishesPresenceAndClosingATombstone() {
        String id = registered("presence");
        try (KafkaTestClient.Reader inbound = kafka.readFromEnd(TOPICS.inbound());
                KafkaTestClient.Reader presence = kafka.readFromEnd(TOPICS.presence())) {
            StationClient station = connect(id, "ocpp2.1");
            await().atMost(WAIT).until(() -> presence.events(EventTypes.PRESENCE, id).size() == 1);
            Presence record = presence.events(EventTypes.PRESENCE, id).get(0).data();
            assertThat(record.gatewayId()).isEqualTo("gw-test-a");
            assertThat(record.ocppVersion()).isEqualTo(OcppVersion.V2_1);
            assertThat(record.securityProfile()).isEqualTo(1);
            await().atMost(WAIT).until(() -> inbound.events(EventTypes.STATION_CONNECTED, id).size() == 1);
            StationConnected connected = inbound.events(EventTypes.STATION_CONNECTED, id).get(0).data();
            assertThat(connected.connectionEpoch()).isEqualTo(record.connectionEpoch());
            assertThat(connected.remoteAddress()).isEqualTo("127.0.0.1");

            station.close();

            await().atMost(WAIT).until(() -> presence.tombstones(id) == 1);
            await().atMost(WAIT).until(() -> inbound.events(EventTypes.STATION_DISCONNECTED, id).size() == 1);
            StationDisconnected disconnected = inbound.events(EventTypes.STATION_DISCONNECTED, id).get(0).data();
            assertThat(disconnected.reason()).isEqualTo(DisconnectReason.ClosedByStation);
            assertThat(disconnected.closeCode()).isEqualTo(1000);
            assertThat(disconnected.connectionEpoch()).isEqualTo(record.connectionEpoch());
            assertThat(gateway.connections().get(id)).isEmpty();
        }
    }

    @Test
    void aReconnectSupersedesTheOlderConnectionWithoutTombstone() throws Exception {
        String id = registered("supersede");
        try (KafkaTestClient.Reader inbound = kafka.readFromEnd(TOPICS.inbound());
                KafkaTestClient.Reader presence = kafka.readFromEnd(TOPICS.presence());
                StationClient first = connect(id, "ocpp2.0.1")) {
            await().atMost(WAIT).until(() -> gateway.connections().get(id).isPresent());
            long firstEpoch = gateway.connections().get(id).orElseThrow().epoch();
            try (StationClient second = connect(id, "ocpp2.0.1")) {
                assertThat(first.closed().get(10, TimeUnit.SECONDS)).isEqualTo(1000);
                await().atMost(WAIT).until(() -> inbound.events(EventTypes.STATION_DISCONNECTED, id).size() == 1);
                StationDisconnected old = inbound.events(EventTypes.STATION_DISCONNECTED, id).get(0).data();
                assertThat(old.reason()).isEqualTo(DisconnectReason.Superseded);
                assertThat(old.connectionEpoch()).isEqualTo(firstEpoch);
                assertThat(gateway.connections().get(id).orElseThrow().epoch()).isGreaterThan(firstEpoch);

                String answer = second.call(TestStations.call("hb-1", "Heartbeat", "{}"));
                assertThat(TestStations.frame(answer).get(0).asInt()).isEqualTo(3);
                assertThat(presence.events(EventTypes.PRESENCE, id)).hasSize(2);
                assertThat(presence.tombstones(id)).isZero();
            }
        }
    }

    @Test
    void aNewerPresenceOfAnotherReplicaClosesTheConnection() throws Exception {
        String id = registered("remote");
        try (KafkaTestClient.Reader inbound = kafka.readFromEnd(TOPICS.inbound());
                KafkaTestClient.Reader presence = kafka.readFromEnd(TOPICS.presence());
                StationClient station = connect(id, "ocpp1.6")) {
            await().atMost(WAIT).until(() -> gateway.connections().get(id).isPresent());
            long epoch = gateway.connections().get(id).orElseThrow().epoch();
            kafka.publish(EventTypes.PRESENCE, id,
                    new Presence(id, "gw-elsewhere", epoch + 1, OcppVersion.V1_6, 1, Instant.now()));

            assertThat(station.closed().get(10, TimeUnit.SECONDS)).isEqualTo(1000);
            await().atMost(WAIT).until(() -> inbound.events(EventTypes.STATION_DISCONNECTED, id).size() == 1);
            assertThat(inbound.events(EventTypes.STATION_DISCONNECTED, id).get(0).data().reason())
                    .isEqualTo(DisconnectReason.Superseded);
            assertThat(gateway.connections().get(id)).isEmpty();
            // the other replica's presence stays: no tombstone over it
            assertThat(presence.tombstones(id)).isZero();
            assertThat(gateway.presence().get(id).orElseThrow().gatewayId()).isEqualTo("gw-elsewhere");
        }
    }

    @Test
    void aConnectionThatAnswersNoPingIsClosed() throws Exception {
        String id = registered("dead");
        int port = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.http.test-port", Integer.class);
        try (KafkaTestClient.Reader inbound = kafka.readFromEnd(TOPICS.inbound());
                KafkaTestClient.Reader presence = kafka.readFromEnd(TOPICS.presence());
                Socket socket = new Socket("127.0.0.1", port)) {
            // a raw WebSocket handshake, then silence: this client never answers a ping
            OutputStream out = socket.getOutputStream();
            out.write(("GET /ocpp/" + id + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: ocpp1.6\r\nAuthorization: Basic "
                    + Base64.getEncoder().encodeToString((id + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8))
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readHeaders(socket.getInputStream())).startsWith("HTTP/1.1 101");
            await().atMost(WAIT).until(() -> gateway.connections().get(id).isPresent());

            await().atMost(WAIT).until(() -> inbound.events(EventTypes.STATION_DISCONNECTED, id).size() == 1);
            assertThat(inbound.events(EventTypes.STATION_DISCONNECTED, id).get(0).data().reason())
                    .isEqualTo(DisconnectReason.PingTimeout);
            await().atMost(WAIT).until(() -> presence.tombstones(id) == 1);
            assertThat(gateway.connections().get(id)).isEmpty();
        }
    }

    @Test
    void aMessageOverTheLimitClosesWith1009() throws Exception {
        String id = registered("big");
        String padding = "x".repeat(70_000);
        try (KafkaTestClient.Reader inbound = kafka.readFromEnd(TOPICS.inbound());
                StationClient station = connect(id, "ocpp2.0.1")) {
            station.socket().sendText(TestStations.call("big-1", "DataTransfer",
                    "{\"vendorId\":\"" + padding + "\"}"), true);
            assertThat(station.closed().get(10, TimeUnit.SECONDS)).isEqualTo(1009);
            await().atMost(WAIT).until(() -> inbound.events(EventTypes.STATION_DISCONNECTED, id).size() == 1);
            assertThat(inbound.events(EventTypes.STATION_DISCONNECTED, id).get(0).data().reason())
                    .isEqualTo(DisconnectReason.ProtocolViolation);
        }
        try (StationClient station = connect(id, "ocpp2.0.1")) {
            // the same size in fragments of 10 KB: refused once the sum passes the limit
            for (int i = 0; i < 7; i++) {
                station.socket().sendText("y".repeat(10_000), false).get(5, TimeUnit.SECONDS);
            }
            station.socket().sendText("]", true);
            assertThat(station.closed().get(10, TimeUnit.SECONDS)).isEqualTo(1009);
        }
    }

    private static String readHeaders(InputStream in) throws java.io.IOException {
        StringBuilder headers = new StringBuilder();
        while (!headers.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            headers.append((char) b);
        }
        return headers.toString();
    }
}
