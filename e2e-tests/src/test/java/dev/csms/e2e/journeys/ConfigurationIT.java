package dev.csms.e2e.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.csms.e2e.platform.Fleet;
import dev.csms.e2e.platform.Platform;
import dev.csms.e2e.platform.StationTraffic;
import dev.csms.e2e.platform.TestStations;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.SimulatedStation;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A configuration change of issue 6 through device-service's settings API, on a 1.6 and a 2.0.1 station in one
 * request: the well-known setting {@code heartbeat-interval} reaches the 1.6 station as ChangeConfiguration
 * (HeartbeatInterval) and the 2.0.1 station as SetVariables (OCPPCommCtrlr.HeartbeatInterval); each station's
 * result is Accepted, the station's own setting changed, a read request (GetConfiguration / GetVariables) returns
 * the new value, and the station's configuration view shows it.
 */
class ConfigurationIT {

    private static final Duration EVENT = Duration.ofSeconds(30);
    private static final String INTERVAL = "7";

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

    @Test
    void operatorChangesTheHeartbeatIntervalOfA16AndA201Station() throws Exception {
        String id16 = TestStations.id("CONF-16");
        String id201 = TestStations.id("CONF-201");
        SimulatedStation v16 = bootedStation(id16, OcppVersion.V1_6);
        SimulatedStation v201 = bootedStation(id201, OcppVersion.V2_0_1);

        // set: one request, one command per station, each Accepted
        JsonPath set = completed(request(List.of(id16, id201), "heartbeat-interval", INTERVAL));
        assertThat(set.getString("operation")).isEqualTo("Set");
        assertThat(result(set, id16).get("target")).isEqualTo("HeartbeatInterval");
        assertThat(result(set, id201).get("target")).isEqualTo("OCPPCommCtrlr.HeartbeatInterval");
        assertThat(List.of(result(set, id16).get("status"), result(set, id201).get("status")))
                .containsOnly("Accepted");
        assertThat(result(set, id16).get("value")).isEqualTo(INTERVAL);
        assertThat(result(set, id201).get("value")).isEqualTo(INTERVAL);

        // what the stations were sent, and what they answered
        StationTraffic.Command change = StationTraffic.of(v16).commands("ChangeConfiguration").get(0);
        assertThat(change.payload().path("key").asText()).isEqualTo("HeartbeatInterval");
        assertThat(change.payload().path("value").asText()).isEqualTo(INTERVAL);
        assertThat(change.response()).get().satisfies(r -> assertThat(r.path("status").asText()).isEqualTo("Accepted"));
        StationTraffic.Command setVariables = StationTraffic.of(v201).commands("SetVariables").get(0);
        var data = setVariables.payload().path("setVariableData").get(0);
        assertThat(data.path("component").path("name").asText()).isEqualTo("OCPPCommCtrlr");
        assertThat(data.path("variable").path("name").asText()).isEqualTo("HeartbeatInterval");
        assertThat(data.path("attributeValue").asText()).isEqualTo(INTERVAL);

        // the stations' own settings changed
        assertThat(v16.inspect(r -> r.settings().get(r.settings().find16("HeartbeatInterval").orElseThrow(), 0))
                .get(10, TimeUnit.SECONDS)).isEqualTo(INTERVAL);
        assertThat(v201.inspect(r -> r.settings().get(r.settings()
                .find2x("OCPPCommCtrlr", "HeartbeatInterval", null, false).orElseThrow(), 0))
                .get(10, TimeUnit.SECONDS)).isEqualTo(INTERVAL);

        // a read request returns the new value from each station
        JsonPath read = completed(request(List.of(id16, id201), "heartbeat-interval", null));
        assertThat(read.getString("operation")).isEqualTo("Read");
        assertThat(List.of(result(read, id16).get("status"), result(read, id201).get("status")))
                .containsOnly("Accepted");
        assertThat(result(read, id16).get("value")).isEqualTo(INTERVAL);
        assertThat(result(read, id201).get("value")).isEqualTo(INTERVAL);
        assertThat(StationTraffic.of(v16).commands("GetConfiguration")).hasSize(1);
        assertThat(StationTraffic.of(v201).commands("GetVariables")).hasSize(1);

        // the stations' configuration views show it
        assertThat(configuration(id16).getString("keys.find { it.key == 'HeartbeatInterval' }.value"))
                .isEqualTo(INTERVAL);
        assertThat(configuration(id201).getString(
                "variables.find { it.key == 'OCPPCommCtrlr.HeartbeatInterval' }.value")).isEqualTo(INTERVAL);

        for (SimulatedStation station : List.of(v16, v201)) {
            assertThat(StationTraffic.of(station).errors()).isEmpty();
        }
        assertThat(fleet.simulator().stats().snapshot().violationsReceived()).isEmpty();
    }

    /** {@code POST /api/v1/configuration/requests}: 202 with the request and its Location; returns the request id. */
    private String request(List<String> stations, String setting, String value) {
        Map<String, Object> body = new HashMap<>();
        body.put("stations", stations);
        body.put("setting", setting);
        if (value != null) {
            body.put("value", value);
        }
        Response accepted = platform.devices().request().contentType(ContentType.JSON).body(body)
                .post("/api/v1/configuration/requests");
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
        String requestId = accepted.jsonPath().getString("requestId");
        assertThat(accepted.header("Location")).endsWith("/api/v1/configuration/requests/" + requestId);
        return requestId;
    }

    /** Waits until no station of the request is Pending. */
    private JsonPath completed(String requestId) {
        return await().atMost(EVENT).until(() -> platform.devices().request()
                .get("/api/v1/configuration/requests/{id}", requestId).then().statusCode(200).extract().jsonPath(),
                request -> request.getBoolean("complete"));
    }

    private static Map<String, Object> result(JsonPath request, String stationId) {
        return request.getMap("stations.find { it.stationId == '" + stationId + "' }");
    }

    private JsonPath configuration(String stationId) {
        return platform.devices().request().get("/api/v1/stations/{id}/configuration", stationId)
                .then().statusCode(200).extract().jsonPath();
    }

    private SimulatedStation bootedStation(String id, OcppVersion version) {
        SimulatedStation station = platform.bootRegistered(fleet, id, version, 2, 1,
                TestStations.behaviour().sessionsPerHour(0).build());
        platform.awaitConnected(id);
        return station;
    }
}
