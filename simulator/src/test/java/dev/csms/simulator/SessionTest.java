package dev.csms.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csms.ocpp.OcppVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SessionTest extends SimulatorTestSupport {

    private static final Duration METER = Duration.ofSeconds(60);

    @ParameterizedTest
    @EnumSource(OcppVersion.class)
    void wholeSessionWithEnergyRisingWithThePower(OcppVersion version) throws Exception {
        SimulatedStation station = started("SES-" + version.label(), version);
        String id = station.id();

        SessionView started = station.startSession(1, "TAG-1").get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertThat(started.transactionId()).isNotNull();
        awaitCalls(id, "Authorize", 1);
        for (int i = 1; i <= 3; i++) {
            clock.advance(METER);
            awaitCalls(id, version.isTwoX() ? "TransactionEvent" : "MeterValues", version.isTwoX() ? 1 + i : i);
        }
        SessionView stopped = station.stopSession(1).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertThat(stopped.active()).isFalse();

        // 11 kW for 3 minutes is 550 Wh; the EV draws 97..100 % of it
        assertThat(stopped.energyWh()).isBetween(530L, 551L);
        if (version.isTwoX()) {
            List<TestCsms.Received> events = awaitCalls(id, "TransactionEvent", 5);
            assertThat(events).extracting(e -> e.payload().path("eventType").asText())
                    .containsExactly("Started", "Updated", "Updated", "Updated", "Ended");
            assertThat(events).extracting(e -> e.payload().path("seqNo").asInt()).containsExactly(0, 1, 2, 3, 4);
            assertThat(events).extracting(e -> e.payload().path("transactionInfo").path("transactionId").asText())
                    .containsOnly(started.transactionId());
            assertThat(events.get(0).payload().path("triggerReason").asText()).isEqualTo("Authorized");
            assertThat(events.get(4).payload().path("transactionInfo").path("stoppedReason").asText())
                    .isEqualTo("Local");
            List<Double> energy = events.stream().map(e -> energy(e.payload().path("meterValue"))).toList();
            assertRising(energy, 11_000 / 60.0);
        } else {
            TestCsms.Received start = awaitCalls(id, "StartTransaction", 1).get(0);
            List<TestCsms.Received> meters = csms.calls(id, "MeterValues");
            TestCsms.Received stop = awaitCalls(id, "StopTransaction", 1).get(0);
            assertThat(meters).extracting(m -> m.payload().path("transactionId").asText())
                    .containsOnly(started.transactionId());
            assertThat(stop.payload().path("transactionId").asText()).isEqualTo(started.transactionId());
            assertThat(stop.payload().path("reason").asText()).isEqualTo("Local");
            List<Double> energy = new ArrayList<>();
            energy.add(start.payload().path("meterStart").asDouble());
            meters.forEach(m -> energy.add(energy(m.payload().path("meterValue"))));
            energy.add(stop.payload().path("meterStop").asDouble());
            assertRising(energy, 11_000 / 60.0);
            assertThat(stop.payload().path("meterStop").asLong() - start.payload().path("meterStart").asLong())
                    .isEqualTo(stopped.energyWh());
            // 1.6 reports the session through its connector's status too
            // the final Available may still be on its way to the test CSMS: wait for it with a deadline
            await().atMost(DEADLINE).untilAsserted(() -> assertThat(csms.calls(id, "StatusNotification").stream()
                    .filter(s -> s.payload().path("connectorId").asInt() == 1)
                    .map(s -> s.payload().path("status").asText()).toList())
                    .containsSubsequence("Available", "Preparing", "Charging", "Finishing", "Available"));
        }
        assertThat(simulator.stats().snapshot().sessionsCompleted()).isEqualTo(1);
        assertNoViolations();
    }

    @ParameterizedTest
    @EnumSource(OcppVersion.class)
    void aRefusedIdTagStartsNoSession(OcppVersion version) {
        SimulatedStation station = started("BLK-" + version.label(), version);
        assertThatThrownBy(() -> station.startSession(1, "BLOCKED-1").get(DEADLINE.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasMessageContaining("Blocked");
        await().atMost(DEADLINE).until(() -> station.connectorStatus(1).equals("Available"));
        assertThat(csms.calls(station.id(), version.isTwoX() ? "TransactionEvent" : "StartTransaction")).isEmpty();
        assertNoViolations();
    }

    @ParameterizedTest
    @EnumSource(OcppVersion.class)
    void automaticSessionsArriveAndEnd(OcppVersion version) throws Exception {
        SimulatedStation station = station(StationConfig.builder("AUTO-" + version.label(), version).connectors(2)
                .behaviour(behaviour().sessionsPerHour(10).sessionDuration(Duration.ofMinutes(20)).build()).build());
        station.start();
        awaitAccepted(station);
        // four simulated hours: about 40 arrivals, each taking a free connector if there is one
        tick(Duration.ofHours(4));
        assertThat(simulator.stats().snapshot().sessionsCompleted()).isGreaterThanOrEqualTo(10);
        assertThat(simulator.stats().snapshot().stationCall("Authorize").sent())
                .isGreaterThanOrEqualTo(simulator.stats().snapshot().sessionsStarted());
        assertNoViolations();
    }

    private static double energy(JsonNode meterValues) {
        for (JsonNode sample : meterValues.path(0).path("sampledValue")) {
            if (sample.path("measurand").asText("Energy.Active.Import.Register")
                    .equals("Energy.Active.Import.Register")) {
                return sample.path("value").asDouble();
            }
        }
        throw new AssertionError("no energy register in " + meterValues);
    }

    /** Each step rises by 97..100 % of the energy a minute at that power gives (1 Wh rounding). */
    private static void assertRising(List<Double> energy, double perMinute) {
        for (int i = 1; i < energy.size() - 1; i++) {
            assertThat(energy.get(i) - energy.get(i - 1)).as("step " + i + " of " + energy)
                    .isBetween(perMinute * 0.97 - 1, perMinute + 1);
        }
    }
}
