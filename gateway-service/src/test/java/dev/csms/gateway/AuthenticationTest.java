package dev.csms.gateway;

import dev.csms.events.EventTypes;
import dev.csms.events.ocpp.DisconnectReason;
import dev.csms.gateway.support.GatewayTestResource;
import dev.csms.gateway.support.KafkaTestClient;
import dev.csms.gateway.support.SecondGateway;
import dev.csms.gateway.support.StationClient;
import dev.csms.gateway.support.StationClient.Options;
import dev.csms.gateway.support.TestPki;
import dev.csms.gateway.support.TestStations;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.schema.OcppSchemaValidator;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.csms.gateway.support.KafkaTestClient.TOPICS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Security profiles 1, 2 and 3 against the credentials view, with certificates generated for this run. */
@QuarkusTest
@WithTestResource(value = GatewayTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AuthenticationTest {

    private static final String PASSWORD = "authentication-secret-16";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static KafkaTestClient kafka;

    @Inject
    Gateway gateway;
    @Inject
    Vertx vertx;
    @Inject
    OcppSchemaValidator validator;

    @BeforeAll
    static void kafka() {
        kafka = new KafkaTestClient();
    }

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    private String registered(String prefix, int profile, boolean enabled) {
        String id = TestStations.newId(prefix);
        kafka.credentials(id, profile == 3 ? null : PASSWORD, profile, enabled, EnumSet.allOf(OcppVersion.class));
        TestStations.awaitCredentials(gateway, id);
        return id;
    }

    private static void assertRefused(Runnable connect, int status) {
        assertThatThrownBy(connect::run).isInstanceOfSatisfying(StationClient.Refused.class,
                refused -> assertThat(refused.status()).isEqualTo(status));
    }

    private int connectedProfile(String id) {
        await().atMost(WAIT).until(() -> gateway.connections().get(id).isPresent());
        return gateway.connections().get(id).orElseThrow().securityProfile();
    }

    @Test
    void profile1BasicAuthOverPlainWebSocket() {
        String id = registered("p1", 1, true);
        try (KafkaTestClient.Reader inbound = kafka.readFromEnd(TOPICS.inbound());
                StationClient station = StationClient.connect(TestStations.plain(id),
                        Options.basic(id, PASSWORD, "ocpp2.0.1"))) {
            assertThat(connectedProfile(id)).isEqualTo(1);
            await().atMost(WAIT).until(() -> inbound.events(EventTypes.STATION_CONNECTED, id).size() == 1);
            assertThat(inbound.events(EventTypes.STATION_CONNECTED, id).get(0).data().securityProfile()).isEqualTo(1);
        }
    }

    @Test
    void missingOrWrongCredentialsAreRefusedWith401() {
        String id = registered("wrong", 1, true);
        assertThatThrownBy(() -> StationClient.connect(TestStations.plain(id), Options.basic(id, "not-the-password",
                "ocpp2.0.1"))).isInstanceOfSatisfying(StationClient.Refused.class, refused -> {
                    assertThat(refused.status()).isEqualTo(401);
                    assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                            value -> assertThat(value).startsWith("Basic"));
                });
        assertRefused(() -> StationClient.connect(TestStations.plain(id), Options.anonymous("ocpp2.0.1")), 401);
        // the user name must be the station's identity
        String other = registered("other", 1, true);
        assertRefused(() -> StationClient.connect(TestStations.plain(id), Options.basic(other, PASSWORD, "ocpp2.0.1")),
                401);
        assertRefused(() -> StationClient.connect(TestStations.plain(TestStations.newId("unknown")),
                Options.basic("x", PASSWORD, "ocpp2.0.1")), 401);
        assertThat(gateway.connections().get(id)).isEmpty();
    }

    @Test
    void aDisabledStationIsRefusedWith403() {
        String id = registered("disabled", 1, false);
        assertRefused(() -> StationClient.connect(TestStations.plain(id), Options.basic(id, PASSWORD, "ocpp1.6")), 403);
    }

    @Test
    void profile2IsRefusedOnPlainWebSocketAndAdmittedOverTls() {
        String id = registered("p2", 2, true);
        assertRefused(() -> StationClient.connect(TestStations.plain(id), Options.basic(id, PASSWORD, "ocpp2.0.1")),
                403);
        TestPki pki = TestStations.pki();
        try (StationClient station = StationClient.connect(TestStations.tls(id),
                Options.basic(id, PASSWORD, "ocpp2.0.1").over(pki.clientWithoutCertificate()))) {
            assertThat(connectedProfile(id)).isEqualTo(2);
            assertThat(station.subprotocol()).isEqualTo("ocpp2.0.1");
        }
        assertRefused(() -> StationClient.connect(TestStations.tls(id),
                Options.basic(id, "wrong-password-here", "ocpp2.0.1").over(pki.clientWithoutCertificate())), 401);
    }

    @Test
    void profile3NeedsTheStationsOwnCertificate() {
        String id = registered("p3", 3, true);
        TestPki pki = TestStations.pki();
        try (StationClient station = StationClient.connect(TestStations.tls(id),
                Options.anonymous("ocpp2.1").over(pki.stationClient(id)))) {
            assertThat(connectedProfile(id)).isEqualTo(3);
        }
        // without a certificate (even with a password), over plain ws, or with another station's certificate
        assertRefused(() -> StationClient.connect(TestStations.tls(id),
                Options.basic(id, PASSWORD, "ocpp2.1").over(pki.clientWithoutCertificate())), 403);
        assertRefused(() -> StationClient.connect(TestStations.plain(id), Options.basic(id, PASSWORD, "ocpp2.1")), 403);
        assertRefused(() -> StationClient.connect(TestStations.tls(id),
                Options.anonymous("ocpp2.1").over(pki.stationClient("someone-else"))), 401);
    }

    @Test
    void aCertificateFromAnotherCaIsRefused() {
        String id = registered("foreign", 3, true);
        TestPki pki = TestStations.pki();
        // the TLS layer names the station CA in its certificate request and does not accept another: the station
        // is left without a certificate, which profile 3 refuses
        assertRefused(() -> StationClient.connect(TestStations.tls(id),
                Options.anonymous("ocpp2.1").over(pki.foreignStationClient(id))), 403);
        assertThat(gateway.connections().get(id)).isEmpty();
    }

    @Test
    void aSuccessfulVerificationIsRememberedForTheStoredHashOnly() {
        String id = registered("cache", 1, true);
        try (StationClient station = StationClient.connect(TestStations.plain(id),
                Options.basic(id, PASSWORD, "ocpp1.6"))) {
            connectedProfile(id);
        }
        assertThat(gateway.cachedVerifications()).isPositive();
        // the remembered verification does not let a wrong password in
        assertRefused(() -> StationClient.connect(TestStations.plain(id), Options.basic(id, "another-password-1",
                "ocpp1.6")), 401);
        // a new password (new hash): the old one no longer works, the new one does
        String oldHash = gateway.credentials().get(id).orElseThrow().passwordHash();
        kafka.credentials(id, "rotated-password-16", 1, true, EnumSet.allOf(OcppVersion.class));
        await().atMost(WAIT).until(() -> !gateway.credentials().get(id).orElseThrow().passwordHash().equals(oldHash));
        assertRefused(() -> StationClient.connect(TestStations.plain(id), Options.basic(id, PASSWORD, "ocpp1.6")), 401);
        try (StationClient station = StationClient.connect(TestStations.plain(id),
                Options.basic(id, "rotated-password-16", "ocpp1.6"))) {
            assertThat(connectedProfile(id)).isEqualTo(1);
        }
    }

    @Test
    void disablingAConnectedStationClosesItsConnection() throws Exception {
        String id = registered("revoke", 1, true);
        try (KafkaTestClient.Reader inbound = kafka.readFromEnd(TOPICS.inbound());
                StationClient station = StationClient.connect(TestStations.plain(id),
                        Options.basic(id, PASSWORD, "ocpp2.0.1"))) {
            connectedProfile(id);
            kafka.credentials(id, PASSWORD, 1, false, EnumSet.allOf(OcppVersion.class));
            assertThat(station.closed().get(15, TimeUnit.SECONDS)).isEqualTo(1008);
            await().atMost(WAIT).until(() -> inbound.events(EventTypes.STATION_DISCONNECTED, id).size() == 1);
            assertThat(inbound.events(EventTypes.STATION_DISCONNECTED, id).get(0).data().reason())
                    .isEqualTo(DisconnectReason.CredentialsRevoked);
        }
    }

    @Test
    void autoRegistrationAdmitsUnknownStationsForAPendingRegistration() {
        String id = TestStations.newId("newcomer");
        assertRefused(() -> StationClient.connect(TestStations.plain(id), Options.basic(id, PASSWORD, "ocpp2.0.1")),
                401);
        try (SecondGateway open = SecondGateway.start(vertx, validator,
                Map.of("csms.gateway.id", "gw-test-autoreg", "csms.gateway.auth.auto-registration", "true"));
                KafkaTestClient.Reader inbound = kafka.readFromEnd(TOPICS.inbound());
                StationClient station = StationClient.connect(open.uri(id), Options.anonymous("ocpp2.0.1"))) {
            assertThat(station.subprotocol()).isEqualTo("ocpp2.0.1");
            await().atMost(WAIT).until(() -> inbound.events(EventTypes.STATION_CONNECTED, id).size() == 1);
            var connected = inbound.events(EventTypes.STATION_CONNECTED, id).get(0).data();
            assertThat(connected.securityProfile()).isZero();
            assertThat(connected.gatewayId()).isEqualTo("gw-test-autoreg");
            assertThat(open.gateway().connections().get(id).orElseThrow().pendingRegistration()).isTrue();
        }
    }
}
