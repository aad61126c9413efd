package dev.csms.e2e.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.csms.e2e.platform.Fleet;
import dev.csms.e2e.platform.Platform;
import dev.csms.e2e.platform.StationTraffic;
import dev.csms.e2e.platform.TestStations;
import dev.csms.events.ocpp.StationCall;
import dev.csms.events.sessions.SessionEnded;
import dev.csms.events.sessions.SessionStarted;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.SessionView;
import dev.csms.simulator.SimulatedStation;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Charging journeys of issue 6 on the whole platform, for a station of each OCPP version: boot, authorize, start,
 * meter values, stop; session-service answers through Kafka and the gateway, publishes SessionStarted and
 * SessionEnded with the energy the station metered, and shows the session in its operator API. And a driver whose
 * token the platform does not know is refused.
 */
class ChargingSessionJourneyIT {

    private static final Duration EVENT = Duration.ofSeconds(30);

    private final Platform platform = Platform.get();
    private Fleet fleet;

    @BeforeEach
    void fleet() {
        fleet = Fleet.connectingTo(platform.loadBalancedStationUrl());
    }

    @AfterEach
    void powerOff() {
        fleet.close();
    }

    @ParameterizedTest
    @EnumSource(OcppVersion.class)
    void driverChargesAndTheSessionIsPublishedWithItsEnergy(OcppVersion version) throws Exception {
        String id = TestStations.id("CHARGE-" + version.label().replace(".", ""));
        String tag = TestStations.id("TAG").toUpperCase();
        SimulatedStation station = bootedStation(id, version);
        platform.sessions().registerToken(tag);

        SessionView started = station.startSession(1, tag).get(30, TimeUnit.SECONDS);
        assertThat(started.transactionId()).isNotBlank();
        SessionStarted sessionStarted = await().atMost(EVENT).until(() -> platform.sessionEvents()
                .data(SessionStarted.class, event -> event.stationId().equals(id)), events -> events.size() == 1)
                .get(0);
        assertThat(sessionStarted.transactionId()).isEqualTo(started.transactionId());
        assertThat(sessionStarted.ocppVersion()).isEqualTo(version);
        assertThat(sessionStarted.idToken().value()).isEqualToIgnoringCase(tag);

        // the station meters every second (TestStations' behaviour below); wait for two readings to arrive
        String meterAction = version == OcppVersion.V1_6 ? "MeterValues" : "TransactionEvent";
        await().atMost(EVENT).until(() -> StationTraffic.of(station).acknowledged(meterAction).size(),
                count -> count >= (version == OcppVersion.V1_6 ? 2 : 3));

        SessionView stopped = station.stopSession(1).get(30, TimeUnit.SECONDS);
        SessionEnded ended = await().atMost(EVENT).until(() -> platform.sessionEvents()
                .data(SessionEnded.class, event -> event.stationId().equals(id)), events -> events.size() == 1)
                .get(0);
        assertThat(ended.sessionId()).isEqualTo(sessionStarted.sessionId());
        assertThat(ended.orphan()).isFalse();
        assertThat(ended.energyWh()).isPositive();
        // the station's own count is the truth: the platform bills what the register said, no more, no less
        await().atMost(EVENT).untilAsserted(() -> assertThat(station.session(1)).get()
                .satisfies(last -> assertThat(ended.energyWh()).isEqualByComparingTo(
                        BigDecimal.valueOf(last.energyWh()))));
        assertThat(stopped.transactionId()).isEqualTo(started.transactionId());

        JsonPath sessions = platform.sessions().sessionsOf(id);
        assertThat(sessions.getList("items")).hasSize(1);
        assertThat(sessions.getString("items[0].status")).isEqualTo("Ended");
        assertThat(sessions.getString("items[0].transactionId")).isEqualTo(started.transactionId());
        assertThat(new BigDecimal(sessions.getString("items[0].energyWh"))).isEqualByComparingTo(ended.energyWh());
        JsonPath detail = platform.sessions().session(sessionStarted.sessionId());
        assertThat(detail.getList("meterValues")).isNotEmpty();

        assertThat(StationTraffic.of(station).errors()).isEmpty();
        assertThat(fleet.simulator().stats().snapshot().violationsReceived()).isEmpty();
    }

    @Test
    void unknownTokenIsRefusedAndNoSessionStarts() throws Exception {
        String id = TestStations.id("NOTAG");
        SimulatedStation station = bootedStation(id, OcppVersion.V2_0_1);

        assertThatThrownBy(() -> station.startSession(1, "UNKNOWN-" + id).get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class);
        await().atMost(EVENT).until(() -> calls(id, "Authorize"), calls -> !calls.isEmpty());
        assertThat(StationTraffic.of(station).acknowledged("Authorize")).hasSize(1);
        assertThat(StationTraffic.of(station).acknowledged("TransactionEvent")).isEmpty();
        assertThat(platform.sessionEvents().data(SessionStarted.class, event -> event.stationId().equals(id)))
                .isEmpty();
    }

    private SimulatedStation bootedStation(String id, OcppVersion version) {
        return platform.bootRegistered(fleet, id, version, null, 1, TestStations.behaviour()
                .meterValueInterval(Duration.ofSeconds(1))
                .chargingPowerKw(22)
                .sessionsPerHour(0)
                .build());
    }

    private List<StationCall> calls(String stationId, String action) {
        return platform.inbound().data(StationCall.class,
                call -> call.stationId().equals(stationId) && call.action().equals(action));
    }
}
