package dev.csms.e2e.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.csms.e2e.platform.Fleet;
import dev.csms.e2e.platform.Platform;
import dev.csms.e2e.platform.StationTraffic;
import dev.csms.e2e.platform.TestStations;
import dev.csms.events.sessions.SessionEnded;
import dev.csms.events.sessions.SessionStarted;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.SessionView;
import dev.csms.simulator.SimulatedStation;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Remote control journeys of issue 6: an operator starts a transaction on a 1.6 and a 2.0.1 station through
 * session-service's API, the command crosses Kafka and a gateway to the simulated station, which starts charging;
 * the session is recorded and published; the operator then stops it remotely. The command resource shows what the
 * station answered to each. A remote start to a station that is not connected is refused with 409 at once.
 */
class RemoteControlIT {

    private static final Duration EVENT = Duration.ofSeconds(30);
    private static final String STATION_OFFLINE = "urn:csms:problem:station-offline";

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
    @EnumSource(value = OcppVersion.class, names = {"V1_6", "V2_0_1"})
    void operatorStartsAndStopsASessionRemotely(OcppVersion version) {
        boolean v16 = version == OcppVersion.V1_6;
        String id = TestStations.id("REMOTE-" + version.label().replace(".", ""));
        String tag = TestStations.id("RTAG").toUpperCase();
        SimulatedStation station = bootedStation(id, version);
        platform.sessions().registerToken(tag);
        platform.awaitConnected(id);

        // session-service's presence view follows ocpp.presence a moment after the tap: until it has read the
        // station's connection it refuses with 409 station-offline and sends nothing, so asking again is safe
        Response accepted = await().atMost(EVENT).until(() -> platform.sessions().remoteStart(id,
                v16 ? null : 1, v16 ? 1 : null, tag, v16 ? "Central" : "ISO14443"), r -> r.statusCode() != 409);
        assertThat(accepted.statusCode()).isEqualTo(202);
        String startCommand = accepted.jsonPath().getString("commandId");
        int remoteStartId = accepted.jsonPath().getInt("remoteStartId");
        assertThat(accepted.header("Location")).endsWith("/api/v1/commands/" + startCommand);

        // the station got the command in its version's spelling and accepted it
        String startAction = v16 ? "RemoteStartTransaction" : "RequestStartTransaction";
        StationTraffic.Command received = answered(station, startAction);
        assertThat(received.answer()).isEqualTo(StationTraffic.Answer.RESULT);
        assertThat(received.response()).get().satisfies(r -> assertThat(r.path("status").asText()).isEqualTo("Accepted"));
        if (v16) {
            assertThat(received.payload().path("idTag").asText()).isEqualTo(tag);
            assertThat(received.payload().path("connectorId").asInt()).isEqualTo(1);
        } else {
            assertThat(received.payload().path("idToken").path("idToken").asText()).isEqualTo(tag);
            assertThat(received.payload().path("remoteStartId").asInt()).isEqualTo(remoteStartId);
            assertThat(received.payload().path("evseId").asInt()).isEqualTo(1);
        }
        JsonPath startResult = awaitCompleted(startCommand);
        assertThat(startResult.getString("status")).isEqualTo("Answered");
        assertThat(startResult.getString("kind")).isEqualTo("remote-start");
        assertThat(startResult.getString("action")).isEqualTo("RequestStartTransaction");
        assertThat(startResult.getString("reference")).isEqualTo(String.valueOf(remoteStartId));
        assertThat(startResult.getString("response.status")).isEqualTo("Accepted");

        // the station charges: its transaction is the platform's session
        SessionView charging = await().atMost(EVENT).until(() -> station.session(1).orElse(null),
                s -> s != null && s.active() && s.transactionId() != null);
        SessionStarted started = await().atMost(EVENT).until(() -> platform.sessionEvents()
                .data(SessionStarted.class, event -> event.stationId().equals(id)), events -> !events.isEmpty())
                .get(0);
        assertThat(started.transactionId()).isEqualTo(charging.transactionId());
        assertThat(started.ocppVersion()).isEqualTo(version);
        assertThat(started.idToken().value()).isEqualToIgnoringCase(tag);
        if (!v16) {
            // a 2.x station echoes the remoteStartId in its TransactionEvent: the session names its command
            assertThat(started.remoteStartId()).isEqualTo(remoteStartId);
        }
        JsonPath active = platform.sessions().sessionsOf(id);
        assertThat(active.getList("items")).hasSize(1);
        assertThat(active.getString("items[0].id")).isEqualTo(started.sessionId());
        assertThat(active.getString("items[0].status")).isEqualTo("Active");

        String meterAction = v16 ? "MeterValues" : "TransactionEvent";
        await().atMost(EVENT).until(() -> StationTraffic.of(station).acknowledged(meterAction).size(),
                count -> count >= (v16 ? 2 : 3));

        // the operator stops it
        Response stopping = platform.sessions().remoteStop(started.sessionId());
        assertThat(stopping.statusCode()).isEqualTo(202);
        String stopCommand = stopping.jsonPath().getString("commandId");
        assertThat(stopping.header("Location")).endsWith("/api/v1/commands/" + stopCommand);
        String stopAction = v16 ? "RemoteStopTransaction" : "RequestStopTransaction";
        StationTraffic.Command stopReceived = answered(station, stopAction);
        assertThat(stopReceived.payload().path("transactionId").asText()).isEqualTo(charging.transactionId());
        assertThat(stopReceived.response()).get().satisfies(r -> assertThat(r.path("status").asText())
                .isEqualTo("Accepted"));
        JsonPath stopResult = awaitCompleted(stopCommand);
        assertThat(stopResult.getString("status")).isEqualTo("Answered");
        assertThat(stopResult.getString("kind")).isEqualTo("remote-stop");
        assertThat(stopResult.getString("action")).isEqualTo("RequestStopTransaction");
        assertThat(stopResult.getString("reference")).isEqualTo(started.sessionId());
        assertThat(stopResult.getString("response.status")).isEqualTo("Accepted");

        SessionEnded ended = await().atMost(EVENT).until(() -> platform.sessionEvents()
                .data(SessionEnded.class, event -> event.stationId().equals(id)), events -> !events.isEmpty())
                .get(0);
        assertThat(ended.sessionId()).isEqualTo(started.sessionId());
        assertThat(ended.orphan()).isFalse();
        assertThat(ended.stoppedReason()).hasToString("Remote");
        SessionView last = await().atMost(EVENT).until(() -> station.session(1).orElseThrow(), s -> !s.active());
        assertThat(last.transactionId()).isEqualTo(charging.transactionId());
        assertThat(ended.energyWh()).isPositive().isEqualByComparingTo(BigDecimal.valueOf(last.energyWh()));

        JsonPath detail = platform.sessions().session(started.sessionId());
        assertThat(detail.getString("session.status")).isEqualTo("Ended");
        assertThat(detail.getString("session.stoppedReason")).isEqualTo("Remote");
        assertThat(new BigDecimal(detail.getString("session.energyWh"))).isEqualByComparingTo(ended.energyWh());
        if (!v16) {
            assertThat(detail.getInt("session.remoteStartId")).isEqualTo(remoteStartId);
        }
        // exactly one session of each kind of event, and nothing more to stop
        assertThat(platform.sessionEvents().events(SessionStarted.class, event -> event.stationId().equals(id))
                .stream().map(e -> e.id()).distinct()).hasSize(1);
        assertThat(platform.sessions().remoteStop(started.sessionId()).statusCode()).isEqualTo(409);

        assertThat(StationTraffic.of(station).errors()).isEmpty();
        assertThat(fleet.simulator().stats().snapshot().violationsReceived()).isEmpty();
    }

    @Test
    void remoteStartToAStationThatIsNotConnectedIsRefused() {
        // registered but never connected: no presence at all
        String never = TestStations.id("REMOTE-NEVER");
        platform.devices().register(never, TestStations.password(), null);
        Response refused = platform.sessions().remoteStart(never, 1, null, "TAG-NEVER", "ISO14443");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getString("type")).isEqualTo(STATION_OFFLINE);

        // connected, then powered off: refused once the presence view saw it go
        String gone = TestStations.id("REMOTE-GONE");
        SimulatedStation station = bootedStation(gone, OcppVersion.V2_0_1);
        platform.awaitConnected(gone);
        station.stop().join();
        await().atMost(EVENT).until(() -> platform.presence().latest(gone)
                .map(entry -> entry.event().isEmpty()).orElse(false));
        // the view may still hold the connection for a moment: until then a start is sent and ends StationOffline
        Response goneRefused = await().atMost(EVENT).until(
                () -> platform.sessions().remoteStart(gone, 1, null, "TAG-GONE", "ISO14443"),
                r -> r.statusCode() == 409);
        assertThat(goneRefused.jsonPath().getString("type")).isEqualTo(STATION_OFFLINE);
        assertThat(platform.sessionEvents().data(SessionStarted.class,
                event -> List.of(never, gone).contains(event.stationId()))).isEmpty();
    }

    /** The first command of {@code action} the station received, once its answer is out (recorded a moment later). */
    private static StationTraffic.Command answered(SimulatedStation station, String action) {
        return await().atMost(EVENT).until(() -> StationTraffic.of(station).commands(action),
                commands -> !commands.isEmpty() && commands.get(0).answer() != StationTraffic.Answer.NONE).get(0);
    }

    private JsonPath awaitCompleted(String commandId) {
        return await().atMost(EVENT).until(() -> platform.sessions().command(commandId),
                command -> !"Pending".equals(command.getString("status")));
    }

    private SimulatedStation bootedStation(String id, OcppVersion version) {
        return platform.bootRegistered(fleet, id, version, null, 1, TestStations.behaviour()
                .meterValueInterval(Duration.ofSeconds(1))
                .chargingPowerKw(22)
                .sessionsPerHour(0)
                .build());
    }
}
