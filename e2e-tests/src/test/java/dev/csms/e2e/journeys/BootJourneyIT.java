package dev.csms.e2e.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.csms.e2e.platform.Fleet;
import dev.csms.e2e.platform.Platform;
import dev.csms.e2e.platform.StationTraffic;
import dev.csms.e2e.platform.TestStations;
import dev.csms.events.credentials.StationCredentials;
import dev.csms.events.device.StationChanged;
import dev.csms.events.device.StationChanged.StationChange;
import dev.csms.events.ocpp.CommandOutcome;
import dev.csms.events.ocpp.CommandResult;
import dev.csms.events.ocpp.StationCall;
import dev.csms.events.ocpp.StationConnected;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.BootState;
import dev.csms.simulator.Credentials;
import dev.csms.simulator.SimulatedStation;
import dev.csms.simulator.StationConfig;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Boot journeys of issue 6 on the whole platform: a station of each OCPP version connects to a gateway process,
 * its BootNotification crosses Kafka to device-service and back, then it beats and reports its connectors; and
 * the stations the platform must not admit (unknown, wrong password, disabled) or must hold back (Pending).
 */
class BootJourneyIT {

    private static final Duration BOOT = Duration.ofSeconds(60);

    private final Platform platform = Platform.get();
    private Fleet gatewayA;
    private Fleet gatewayB;

    @BeforeEach
    void fleets() {
        gatewayA = Fleet.connectingTo(platform.stationUrl(Platform.GATEWAY_A));
        gatewayB = Fleet.connectingTo(platform.stationUrl(Platform.GATEWAY_B));
    }

    @AfterEach
    void powerOff() {
        gatewayA.close();
        gatewayB.close();
    }

    @ParameterizedTest
    @EnumSource(OcppVersion.class)
    void registeredStationBootsAcceptedBeatsAndReportsItsConnectors(OcppVersion version) {
        String id = TestStations.id("BOOT-" + version.label().replace(".", ""));
        String password = TestStations.password();
        platform.devices().register(id, password, 2);
        awaitCredentials(id);

        SimulatedStation station = gatewayA.add(StationConfig.builder(id, version)
                .password(password)
                .connectors(2)
                .vendor("E2E-Vendor").model("E2E-Model").firmwareVersion("e2e-fw-1.0")
                .behaviour(TestStations.behaviour().build())
                .recordTraffic(true)
                .build());
        station.start();

        await().atMost(BOOT).until(station::bootState, state -> state == BootState.ACCEPTED);
        // the interval device-service gave (2 s, the station's own setting) drives the heartbeats
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(StationTraffic.of(station).acknowledged("Heartbeat")).hasSizeGreaterThanOrEqualTo(2);
            assertThat(calls(id, "Heartbeat")).hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(call -> {
                        assertThat(call.ocppVersion()).isEqualTo(version);
                        assertThat(call.gatewayId()).isEqualTo(Platform.GATEWAY_A_ID);
                    });
        });
        // every connector's status is published (1.6 also reports the station itself, connector 0)
        int statuses = version == OcppVersion.V1_6 ? 3 : 2;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(calls(id, "StatusNotification")).hasSizeGreaterThanOrEqualTo(statuses));

        // device-service recorded the boot and told other teams
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(platform.deviceStations()
                .data(StationChanged.class, changed -> changed.stationId().equals(id)
                        && changed.change() == StationChange.Booted))
                .anySatisfy(booted -> {
                    assertThat(booted.vendor()).isEqualTo("E2E-Vendor");
                    assertThat(booted.firmwareVersion()).isEqualTo("e2e-fw-1.0");
                }));
        JsonPath view = platform.devices().station(id);
        assertThat(view.getString("registrationStatus")).isEqualTo("Accepted");
        assertThat(view.getString("reported.model")).isEqualTo("E2E-Model");
        assertThat(view.getString("reported.firmwareVersion")).isEqualTo("e2e-fw-1.0");
        assertThat(gatewayA.simulator().stats().snapshot().violationsReceived()).isEmpty();
    }

    @Test
    void unknownStationIsRefusedWhenAutoRegistrationIsOff() {
        String id = TestStations.id("UNKNOWN");
        SimulatedStation station = gatewayA.add(StationConfig.builder(id, OcppVersion.V2_0_1)
                .password(TestStations.password())
                .behaviour(TestStations.behaviour().build())
                .build());
        station.start();

        await().atMost(BOOT).until(() -> gatewayA.connectFailures(id), failures -> !failures.isEmpty());
        assertThat(gatewayA.connectFailures(id)).first().isEqualTo("HTTP 401");
        assertThat(station.bootState()).isEqualTo(BootState.NOT_BOOTED);
        assertThat(platform.inbound().data(StationConnected.class, connected -> connected.stationId().equals(id)))
                .isEmpty();
    }

    @Test
    void unknownStationIsPendingWithAutoRegistrationUntilTheOperatorAcceptsIt() {
        String id = TestStations.id("AUTOREG");
        SimulatedStation station = gatewayB.add(StationConfig.builder(id, OcppVersion.V2_0_1)
                .credentials(Credentials.none())
                .behaviour(TestStations.behaviour().build())
                .build());
        station.start();

        await().atMost(BOOT).until(station::bootState, state -> state == BootState.PENDING);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(platform.deviceStations()
                .data(StationChanged.class, changed -> changed.stationId().equals(id)))
                .extracting(StationChanged::change).contains(StationChange.AutoRegistered));
        assertThat(platform.devices().station(id).getString("registrationStatus")).isEqualTo("Pending");

        // accepting sends TriggerMessage(BootNotification) through the gateway; the station boots at once
        platform.devices().accept(id);
        await().atMost(BOOT).until(station::bootState, state -> state == BootState.ACCEPTED);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(platform.inbound()
                .data(CommandResult.class, result -> result.stationId().equals(id)))
                .anySatisfy(result -> {
                    assertThat(result.action()).isEqualTo("TriggerMessage");
                    assertThat(result.outcome()).isEqualTo(CommandOutcome.Answered);
                }));
        assertThat(platform.devices().station(id).getString("registrationStatus")).isEqualTo("Accepted");
    }

    @Test
    void wrongPasswordIsRefused() {
        String id = TestStations.id("BADPW");
        platform.devices().register(id, TestStations.password(), null);
        awaitCredentials(id);
        SimulatedStation station = gatewayA.add(StationConfig.builder(id, OcppVersion.V1_6)
                .password(TestStations.password())
                .behaviour(TestStations.behaviour().build())
                .build());
        station.start();

        await().atMost(BOOT).until(() -> gatewayA.connectFailures(id), failures -> failures.size() >= 2);
        assertThat(gatewayA.connectFailures(id)).containsOnly("HTTP 401");
        assertThat(station.bootState()).isEqualTo(BootState.NOT_BOOTED);
        assertThat(calls(id, "BootNotification")).isEmpty();
    }

    @Test
    void disabledStationIsRefusedAtTheHandshake() {
        String id = TestStations.id("DISABLED");
        String password = TestStations.password();
        platform.devices().create(id, false, null);
        platform.devices().setPassword(id, password);
        await().atMost(Duration.ofSeconds(30)).until(() -> credentials(id),
                credentials -> credentials != null && !credentials.enabled() && credentials.passwordHash() != null);

        SimulatedStation station = gatewayA.add(StationConfig.builder(id, OcppVersion.V2_1)
                .password(password)
                .behaviour(TestStations.behaviour().build())
                .build());
        station.start();

        await().atMost(BOOT).until(() -> gatewayA.connectFailures(id), failures -> !failures.isEmpty());
        assertThat(gatewayA.connectFailures(id)).first().isEqualTo("HTTP 403");
        assertThat(station.bootState()).isEqualTo(BootState.NOT_BOOTED);
    }

    @Test
    void disabledStationThatReachesDeviceServiceBootsRejected() {
        // Without a password a station has no credentials record, so the auto-registration replica admits it
        // (profile 0) and its BootNotification reaches device-service, which knows it as disabled.
        String id = TestStations.id("REJECTED");
        platform.devices().create(id, false, null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(platform.deviceStations()
                .data(StationChanged.class, changed -> changed.stationId().equals(id))).isNotEmpty());

        SimulatedStation station = gatewayB.add(StationConfig.builder(id, OcppVersion.V1_6)
                .credentials(Credentials.none())
                .behaviour(TestStations.behaviour().build())
                .build());
        station.start();

        await().atMost(BOOT).until(station::bootState, state -> state == BootState.REJECTED);
        assertThat(calls(id, "BootNotification")).isNotEmpty()
                .allSatisfy(call -> assertThat(call.gatewayId()).isEqualTo(Platform.GATEWAY_B_ID));
        assertThat(calls(id, "Heartbeat")).isEmpty();
    }

    private List<StationCall> calls(String stationId, String action) {
        return platform.inbound().data(StationCall.class,
                call -> call.stationId().equals(stationId) && call.action().equals(action));
    }

    private StationCredentials credentials(String stationId) {
        return platform.credentialsOf(stationId);
    }

    private void awaitCredentials(String stationId) {
        platform.awaitCredentials(stationId);
    }
}
