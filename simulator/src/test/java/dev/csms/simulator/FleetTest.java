package dev.csms.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.csms.ocpp.OcppVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The fleet API: ramp-up on the simulator's clock, local source addresses, mixed versions, ids. */
class FleetTest extends SimulatorTestSupport {

    @Test
    void rampUpStartsStationsAtTheGivenRateOnTheSimulatorsClock() throws Exception {
        List<StationConfig> configs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            OcppVersion version = OcppVersion.values()[i % 3];
            configs.add(StationConfig.builder("RAMP-" + i, version).behaviour(behaviour().build()).build());
        }
        List<SimulatedStation> stations = simulator.addAll(configs);
        CompletableFuture<Void> started = simulator.startAll(5);
        // 5 per second: half a station per 100 ms tick
        tick(Duration.ofMillis(900));
        assertThat(simulator.stats().snapshot().connectAttempts()).isEqualTo(5);
        assertThat(started).isNotDone();
        tick(Duration.ofSeconds(1));
        started.get();
        await().atMost(DEADLINE).until(() -> simulator.stats().acceptedNow() == 10);
        assertThat(stations).extracting(SimulatedStation::bootState).containsOnly(BootState.ACCEPTED);
        assertThat(csms.calls("RAMP-0", "BootNotification")).hasSize(1);
        assertNoViolations();
    }

    @Test
    void connectionsAreSpreadOverTheLocalAddresses() throws Exception {
        simulator.close();
        simulator = Simulator.create(options(SimulatorOptions.builder(csms.url()))
                .localAddresses(List.of("127.0.0.2", "127.0.0.3")).build(), validator());
        for (int i = 0; i < 4; i++) {
            simulator.add(StationConfig.builder("LOCAL-" + i, OcppVersion.V2_0_1).behaviour(behaviour().build())
                    .build());
        }
        simulator.startAll(0).get();
        await().atMost(DEADLINE).until(() -> simulator.stats().acceptedNow() == 4);
        assertThat(csms.remoteHosts()).containsEntry("LOCAL-0", "127.0.0.2").containsEntry("LOCAL-1", "127.0.0.3")
                .containsEntry("LOCAL-2", "127.0.0.2").containsEntry("LOCAL-3", "127.0.0.3");
    }

    @Test
    void stationIdsAreUniqueAndValid() {
        simulator.add(StationConfig.builder("SAME", OcppVersion.V1_6).build());
        assertThatThrownBy(() -> simulator.add(StationConfig.builder("SAME", OcppVersion.V2_1).build()))
                .hasMessageContaining("exists already");
        assertThatThrownBy(() -> StationConfig.builder("a/b", OcppVersion.V1_6).build())
                .hasMessageContaining("no '/'");
        assertThatThrownBy(() -> SimulatorOptions.builder("http://localhost/ocpp"))
                .hasMessageContaining("ws:// or wss://");
        assertThat(simulator.station("SAME")).map(SimulatedStation::version).contains(OcppVersion.V1_6);
    }

    @Test
    void randomDisconnectsMakeStationsReconnectAndBootAgain() throws Exception {
        SimulatedStation station = station(StationConfig.builder("FLAKY", OcppVersion.V2_0_1)
                .behaviour(behaviour().disconnectsPerHour(60).build()).build());
        station.start();
        awaitAccepted(station);
        tick(Duration.ofMinutes(10));
        tick(Duration.ofMinutes(10));
        assertThat(simulator.stats().snapshot().disconnects()).isGreaterThanOrEqualTo(3);
        awaitAccepted(station);
        assertThat(csms.calls("FLAKY", "BootNotification").size()).isGreaterThanOrEqualTo(4);
        assertNoViolations();
    }
}
