package dev.csms.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.csms.ocpp.OcppVersion;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryBackOffTest extends SimulatorTestSupport {

    @Test
    void delaysDoubleUpToTheRepeatTimesThenStay() {
        RetryBackOff backOff = new RetryBackOff(Duration.ofSeconds(10), Duration.ZERO, 3);
        assertThat(List.of(0, 1, 2, 3, 4, 5)).extracting(backOff::baseDelay).extracting(Duration::toSeconds)
                .containsExactly(10L, 20L, 40L, 80L, 80L, 80L);
        RetryBackOff jittered = new RetryBackOff(Duration.ofSeconds(10), Duration.ofSeconds(5), 3);
        SplittableRandom random = new SplittableRandom(1);
        for (int attempt = 0; attempt < 100; attempt++) {
            Duration delay = jittered.delay(attempt, random);
            assertThat(delay).isBetween(jittered.baseDelay(attempt), jittered.baseDelay(attempt).plusSeconds(5));
        }
    }

    @Test
    void aStationReconnectsOnTheBackOffScheduleOfTheInjectedClock() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        simulator.close();
        simulator = Simulator.create(options(SimulatorOptions.builder("ws://127.0.0.1:" + closedPort + "/ocpp"))
                .build(), validator());
        SimulatedStation station = simulator.add(StationConfig.builder("BACKOFF", OcppVersion.V2_0_1)
                .behaviour(behaviour().retryBackOff(new RetryBackOff(Duration.ofSeconds(10), Duration.ofSeconds(5),
                        3)).build()).build());
        station.start();

        long[] expectedBase = {10, 20, 40, 80, 80, 80};
        for (int attempt = 0; attempt < expectedBase.length; attempt++) {
            int scheduled = attempt + 1;
            await().atMost(DEADLINE).until(() -> reconnectDelays.size() >= scheduled);
            Duration delay = reconnectDelays.get(attempt);
            assertThat(delay).as("delay of reconnection " + attempt)
                    .isBetween(Duration.ofSeconds(expectedBase[attempt]),
                            Duration.ofSeconds(expectedBase[attempt] + 5));
            long attemptsBefore = simulator.stats().snapshot().connectAttempts();
            clock.advance(delay.minusMillis(1));
            assertThat(simulator.stats().snapshot().connectAttempts()).as("no attempt before the back-off time")
                    .isEqualTo(attemptsBefore);
            clock.advance(Duration.ofMillis(1));
            await().atMost(DEADLINE).until(() -> simulator.stats().snapshot().connectAttempts() == attemptsBefore + 1);
        }
        // the seventh attempt's failure schedules the seventh reconnection
        await().atMost(DEADLINE).until(() -> reconnectDelays.size() == expectedBase.length + 1);
        assertThat(reconnectDelays.stream().filter(d -> d.toMillis() % 1000 != 0)).as("random part").isNotEmpty();
        assertThat(simulator.stats().snapshot().connectFailures()).containsEntry("connection refused", 7L);
    }

    @Test
    void theCsmsCanChangeTheBackOffThroughTheDeviceModel() throws Exception {
        SimulatedStation station = started("BACKOFF-VARS", OcppVersion.V2_0_1);
        var set = json();
        var data = set.putArray("setVariableData").addObject().put("attributeValue", "3");
        data.putObject("component").put("name", "OCPPCommCtrlr");
        data.putObject("variable").put("name", "RetryBackOffWaitMinimum");
        var result = answered(station.id(), "SetVariables", set);
        assertThat(result.path("setVariableResult").path(0).path("attributeStatus").asText()).isEqualTo("Accepted");

        csms.disconnect(station.id());
        await().atMost(DEADLINE).until(() -> !reconnectDelays.isEmpty());
        assertThat(reconnectDelays.get(0)).isEqualTo(Duration.ofSeconds(3));
        tick(Duration.ofSeconds(3));
        awaitAccepted(station);
        assertNoViolations();
    }
}
