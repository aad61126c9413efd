package dev.csms.e2e.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.csms.e2e.platform.Fleet;
import dev.csms.e2e.platform.Platform;
import dev.csms.e2e.platform.StationTraffic;
import dev.csms.e2e.platform.TestStations;
import dev.csms.events.ocpp.StationCall;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.BootState;
import dev.csms.simulator.SimulatedStation;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Remote operations of issue 6 through device-service's operator API, on a 1.6 and a 2.0.1 station: the operator
 * makes a connector Inoperative and Operative again (ChangeAvailability; the station reports Unavailable and
 * Available), then resets the station (Reset; it reboots and boots again). Each command crosses Kafka and a
 * gateway to the simulated station, and the command resource shows the station's answer.
 */
class RemoteOperationsIT {

    private static final Duration BOOT = Duration.ofSeconds(60);
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
    @EnumSource(value = OcppVersion.class, names = {"V1_6", "V2_0_1"})
    void operatorChangesAvailabilityAndResetsAStation(OcppVersion version) {
        boolean v16 = version == OcppVersion.V1_6;
        String id = TestStations.id("OPS-" + version.label().replace(".", ""));
        SimulatedStation station = bootedStation(id, version);
        platform.awaitConnected(id);

        // Inoperative: the station answers Accepted and reports its connector Unavailable
        Instant inoperativeAt = Instant.now();
        JsonPath inoperative = sent(id, "availability", Map.of("operationalStatus", "Inoperative", "evseId", 1));
        assertThat(inoperative.getString("status")).isEqualTo("Answered");
        assertThat(inoperative.getString("action")).isEqualTo("ChangeAvailability");
        assertThat(inoperative.getString("response.status")).isEqualTo("Accepted");
        StationTraffic.Command received = StationTraffic.of(station).commands("ChangeAvailability").get(0);
        assertThat(received.response()).get().satisfies(r -> assertThat(r.path("status").asText())
                .isEqualTo("Accepted"));
        if (v16) {
            assertThat(received.payload().path("connectorId").asInt()).isEqualTo(1);
            assertThat(received.payload().path("type").asText()).isEqualTo("Inoperative");
        } else {
            assertThat(received.payload().path("evse").path("id").asInt()).isEqualTo(1);
            assertThat(received.payload().path("operationalStatus").asText()).isEqualTo("Inoperative");
        }
        assertThat(station.connectorStatus(1)).isEqualTo("Unavailable");
        await().atMost(EVENT).until(() -> statusesAfter(id, inoperativeAt), statuses -> statuses.contains("Unavailable"));

        // Operative again: Available
        Instant operativeAt = Instant.now();
        JsonPath operative = sent(id, "availability", Map.of("operationalStatus", "Operative", "evseId", 1));
        assertThat(operative.getString("response.status")).isEqualTo("Accepted");
        assertThat(station.connectorStatus(1)).isEqualTo("Available");
        await().atMost(EVENT).until(() -> statusesAfter(id, operativeAt), statuses -> statuses.contains("Available"));

        // Reset: accepted, the station reboots and boots again
        Instant resetAt = Instant.now();
        JsonPath reset = sent(id, "reset", Map.of("type", "Soft"));
        assertThat(reset.getString("action")).isEqualTo("Reset");
        assertThat(reset.getString("response.status")).isEqualTo("Accepted");
        assertThat(StationTraffic.of(station).commands("Reset").get(0).payload().path("type").asText())
                .isEqualTo(v16 ? "Soft" : "Immediate");
        List<StationCall> boots = await().atMost(BOOT).until(() -> callsAfter(id, "BootNotification", resetAt),
                calls -> !calls.isEmpty());
        if (!v16) {
            assertThat(boots.get(0).payload().path("reason").asText()).isEqualTo("RemoteReset");
        }
        await().atMost(BOOT).until(() -> station.bootState() == BootState.ACCEPTED
                && !callsAfter(id, "Heartbeat", resetAt).isEmpty());

        // the station's command history lists all three, newest first
        List<String> history = platform.devices().request().get("/api/v1/stations/{id}/commands", id)
                .then().statusCode(200).extract().jsonPath().getList("commandId");
        assertThat(history).containsSubsequence(reset.getString("commandId"), operative.getString("commandId"),
                inoperative.getString("commandId"));
        assertThat(StationTraffic.of(station).errors()).isEmpty();
        assertThat(fleet.simulator().stats().snapshot().violationsReceived()).isEmpty();
    }

    /** Sends an operation (again while device-service's presence view has not seen the station: 409 sends nothing). */
    private JsonPath sent(String stationId, String operation, Map<String, Object> body) {
        Response accepted = await().atMost(EVENT).until(() -> platform.devices().operation(stationId, operation, body),
                r -> r.statusCode() != 409);
        assertThat(accepted.statusCode()).as("%s: %s", operation, accepted.asString()).isEqualTo(202);
        String commandId = accepted.jsonPath().getString("commandId");
        assertThat(accepted.header("Location")).endsWith("/api/v1/commands/" + commandId);
        return await().atMost(EVENT).until(() -> platform.devices().command(commandId),
                command -> !"Pending".equals(command.getString("status")));
    }

    private List<String> statusesAfter(String stationId, Instant after) {
        return callsAfter(stationId, "StatusNotification", after).stream()
                .map(call -> call.payload().has("connectorStatus") ? call.payload().path("connectorStatus").asText()
                        : call.payload().path("status").asText())
                .toList();
    }

    private List<StationCall> callsAfter(String stationId, String action, Instant after) {
        return platform.inbound().data(StationCall.class, call -> call.stationId().equals(stationId)
                && call.action().equals(action) && call.receivedAt().isAfter(after));
    }

    private SimulatedStation bootedStation(String id, OcppVersion version) {
        return platform.bootRegistered(fleet, id, version, 2, 1, TestStations.behaviour().sessionsPerHour(0).build());
    }
}
