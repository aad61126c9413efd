package dev.csms.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.csms.e2e.platform.Fleet;
import dev.csms.e2e.platform.Platform;
import dev.csms.e2e.platform.PlatformService;
import dev.csms.e2e.platform.TestStations;
import dev.csms.events.ocpp.Presence;
import dev.csms.events.ocpp.StationCall;
import dev.csms.events.ocpp.StationConnected;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.BootState;
import dev.csms.simulator.SimulatedStation;
import dev.csms.simulator.StationConfig;
import io.restassured.RestAssured;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A gateway replica crashes (SIGKILL) while its stations are connected through the load balancer: they reconnect
 * to the other replica, boot again and carry on, and the presence view follows them; the other replica's stations
 * are not disturbed. The crashed replica is started again afterwards, so the platform is whole for the next test.
 */
class GatewayReplicaFailureIT {

    private static final int STATIONS = 8;

    private final Platform platform = Platform.get();
    private final Fleet fleet = Fleet.connectingTo(platform.loadBalancedStationUrl());

    @AfterEach
    void restoreThePlatform() {
        fleet.close();
        PlatformService gatewayA = platform.service(Platform.GATEWAY_A);
        if (!gatewayA.isRunning()) {
            gatewayA.restart(platform.settings().readyTimeout());
        }
        platform.awaitAllReady();
    }

    @Test
    void stationsOfACrashedReplicaReconnectToTheOtherAndCarryOn() {
        List<SimulatedStation> stations = new ArrayList<>();
        OcppVersion[] versions = OcppVersion.values();
        for (int i = 0; i < STATIONS; i++) {
            String id = TestStations.id("FAILOVER");
            String password = TestStations.password();
            platform.devices().register(id, password, 2);
            stations.add(fleet.add(StationConfig.builder(id, versions[i % versions.length])
                    .password(password)
                    .behaviour(TestStations.behaviour().build())
                    .build()));
        }
        stations.forEach(SimulatedStation::start);
        await().atMost(Duration.ofSeconds(90)).until(() -> stations.stream()
                .allMatch(station -> station.bootState() == BootState.ACCEPTED));

        // the load balancer spread them: which replica holds which station, by the presence view
        Map<String, List<String>> byGateway = await().atMost(Duration.ofSeconds(30)).until(
                () -> holders(stations),
                holders -> holders.values().stream().mapToInt(List::size).sum() == STATIONS);
        List<String> onA = byGateway.getOrDefault(Platform.GATEWAY_A_ID, List.of());
        List<String> onB = byGateway.getOrDefault(Platform.GATEWAY_B_ID, List.of());
        assertThat(onA).as("stations on %s", Platform.GATEWAY_A_ID).isNotEmpty();
        assertThat(onB).as("stations on %s", Platform.GATEWAY_B_ID).isNotEmpty();
        Map<String, Long> epochsOnB = onB.stream().collect(Collectors.toMap(id -> id, this::latestConnectionEpoch));

        Instant crash = Instant.now();
        platform.service(Platform.GATEWAY_A).kill();

        // every station of the crashed replica connects to the survivor, boots again and beats there
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(holders(stations).get(Platform.GATEWAY_B_ID)).containsExactlyInAnyOrderElementsOf(
                    stations.stream().map(SimulatedStation::id).toList());
            for (String id : onA) {
                assertThat(callsAfter(id, "BootNotification", crash)).as("%s boots again on %s", id,
                        Platform.GATEWAY_B_ID).isNotEmpty();
                assertThat(callsAfter(id, "Heartbeat", crash)).as("%s beats on %s", id, Platform.GATEWAY_B_ID)
                        .isNotEmpty();
            }
        });
        assertThat(stations).allSatisfy(station -> assertThat(station.bootState()).isEqualTo(BootState.ACCEPTED));
        // the survivor's own stations kept their connections and carried on as well
        for (String id : onB) {
            assertThat(latestConnectionEpoch(id)).as("connection of %s", id).isEqualTo(epochsOnB.get(id));
            await().atMost(Duration.ofSeconds(30)).until(() -> !callsAfter(id, "Heartbeat", crash).isEmpty());
        }
        // the operator sees every station on the surviving replica
        RestAssured.given().baseUri(platform.service(Platform.GATEWAY_B).baseUrl())
                .auth().oauth2(platform.operatorToken())
                .queryParam("limit", 1000)
                .get("/api/v1/connections")
                .then().statusCode(200)
                .body("gatewayId", org.hamcrest.Matchers.equalTo(Platform.GATEWAY_B_ID))
                .body("items.stationId", org.hamcrest.Matchers.hasItems(
                        stations.stream().map(SimulatedStation::id).toArray(String[]::new)));
    }

    /** gatewayId -> station ids, from the current presence record of each station. */
    private Map<String, List<String>> holders(List<SimulatedStation> stations) {
        return stations.stream()
                .map(station -> presence(station.id()))
                .flatMap(Optional::stream)
                .collect(Collectors.groupingBy(Presence::gatewayId,
                        Collectors.mapping(Presence::stationId, Collectors.toList())));
    }

    private Optional<Presence> presence(String stationId) {
        return platform.presence().latest(stationId)
                .flatMap(entry -> entry.event())
                .map(envelope -> envelope.data() instanceof Presence p ? p : null);
    }

    private long latestConnectionEpoch(String stationId) {
        return platform.inbound().data(StationConnected.class, c -> c.stationId().equals(stationId)).stream()
                .mapToLong(StationConnected::connectionEpoch).max().orElse(-1);
    }

    private List<StationCall> callsAfter(String stationId, String action, Instant after) {
        return platform.inbound().data(StationCall.class, call -> call.stationId().equals(stationId)
                && call.action().equals(action) && call.receivedAt().isAfter(after)
                && call.gatewayId().equals(Platform.GATEWAY_B_ID));
    }
}
