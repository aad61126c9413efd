package dev.csms.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.rpc.CallResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BootTest extends SimulatorTestSupport {

    @ParameterizedTest
    @EnumSource(OcppVersion.class)
    void bootsReportsStatusAndBeatsAtTheGivenInterval(OcppVersion version) {
        csms.heartbeatInterval(120);
        SimulatedStation station = station(StationConfig.builder("CS-" + version.label(), version).connectors(2)
                .behaviour(behaviour().build()).build());
        station.start();
        awaitAccepted(station);

        List<TestCsms.Received> boots = awaitCalls(station.id(), "BootNotification", 1);
        if (version.isTwoX()) {
            assertThat(boots.get(0).payload().path("reason").asText()).isEqualTo("PowerUp");
            assertThat(boots.get(0).payload().path("chargingStation").path("firmwareVersion").asText())
                    .isEqualTo("1.0.0");
        } else {
            assertThat(boots.get(0).payload().path("chargePointModel").asText()).isEqualTo("VirtualCharger");
        }
        // 1.6 also reports connector 0 (the whole station)
        int statuses = version.isTwoX() ? 2 : 3;
        List<TestCsms.Received> status = awaitCalls(station.id(), "StatusNotification", statuses);
        assertThat(status).extracting(r -> r.payload().path(version.isTwoX() ? "connectorStatus" : "status").asText())
                .containsOnly("Available");

        assertThat(csms.calls(station.id(), "Heartbeat")).isEmpty();
        clock.advance(Duration.ofSeconds(119));
        clock.advance(Duration.ofSeconds(1));
        awaitCalls(station.id(), "Heartbeat", 1);
        clock.advance(Duration.ofSeconds(120));
        awaitCalls(station.id(), "Heartbeat", 2);
        assertThat(csms.calls(station.id(), "Heartbeat")).hasSize(2);
        assertThat(simulator.stats().snapshot().stationCall("Heartbeat").results()).isEqualTo(2);
        assertNoViolations();
    }

    @ParameterizedTest
    @EnumSource(OcppVersion.class)
    void pendingRetriesAtTheIntervalAnswersTheCsmsMeanwhileThenIsAccepted(OcppVersion version) throws Exception {
        String id = "PEND-" + version.label();
        csms.bootPlan(id, new TestCsms.BootDecision("Pending", 60), new TestCsms.BootDecision("Accepted", 300));
        SimulatedStation station = station(id, version);
        station.start();
        await().atMost(DEADLINE).until(() -> station.bootState() == BootState.PENDING);

        // while Pending the CSMS may configure the station; nothing else is sent
        if (version.isTwoX()) {
            var get = json();
            get.putArray("getVariableData").addObject()
                    .<ObjectNode>set("component", json().put("name", "OCPPCommCtrlr"))
                    .set("variable", json().put("name", "HeartbeatInterval"));
            var result = answered(id, "GetVariables", get);
            assertThat(result.path("getVariableResult").path(0).path("attributeStatus").asText()).isEqualTo("Accepted");
        } else {
            var result = answered(id, "GetConfiguration", json());
            assertThat(result.path("configurationKey").size()).isGreaterThan(10);
        }
        assertThat(csms.calls(id, "StatusNotification")).isEmpty();

        clock.advance(Duration.ofSeconds(59));
        assertThat(csms.calls(id, "BootNotification")).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        awaitCalls(id, "BootNotification", 2);
        awaitAccepted(station);
        awaitCalls(id, "StatusNotification", 1);
        assertNoViolations();
    }

    @ParameterizedTest
    @EnumSource(OcppVersion.class)
    void triggerMessageBootNotificationEndsPendingAtOnce(OcppVersion version) throws Exception {
        String id = "TRIG-" + version.label();
        csms.bootPlan(id, new TestCsms.BootDecision("Pending", 3600), new TestCsms.BootDecision("Accepted", 300));
        SimulatedStation station = station(id, version);
        station.start();
        await().atMost(DEADLINE).until(() -> station.bootState() == BootState.PENDING);

        var answer = answered(id, "TriggerMessage", json().put("requestedMessage", "BootNotification"));
        assertThat(answer.path("status").asText()).isEqualTo("Accepted");
        List<TestCsms.Received> boots = awaitCalls(id, "BootNotification", 2);
        if (version.isTwoX()) {
            assertThat(boots.get(1).payload().path("reason").asText()).isEqualTo("Triggered");
        }
        awaitAccepted(station);
        if (version.isTwoX()) {
            // once accepted, a 2.x station refuses to boot again on request
            var again = answered(id, "TriggerMessage", json().put("requestedMessage", "BootNotification"));
            assertThat(again.path("status").asText()).isEqualTo("Rejected");
        }
        assertNoViolations();
    }

    @ParameterizedTest
    @EnumSource(OcppVersion.class)
    void rejectedRetriesAfterTheIntervalAndRefusesCommands(OcppVersion version) throws Exception {
        String id = "REJ-" + version.label();
        csms.bootPlan(id, new TestCsms.BootDecision("Rejected", 120), new TestCsms.BootDecision("Accepted", 300));
        SimulatedStation station = station(id, version);
        station.start();
        await().atMost(DEADLINE).until(() -> station.bootState() == BootState.REJECTED);
        var refused = command(id, "ClearCache", json());
        assertThat(refused).isNotInstanceOf(CallResult.class);

        clock.advance(Duration.ofSeconds(120));
        awaitCalls(id, "BootNotification", 2);
        awaitAccepted(station);
        assertThat(simulator.stats().snapshot().acceptedNow()).isEqualTo(1);
        assertNoViolations();
    }

    @ParameterizedTest
    @EnumSource(OcppVersion.class)
    void heartbeatOverrideWinsOverTheCsmsInterval(OcppVersion version) {
        SimulatedStation station = station(StationConfig.builder("HB-" + version.label(), version)
                .behaviour(behaviour().heartbeatInterval(Duration.ofSeconds(30)).build()).build());
        station.start();
        awaitAccepted(station);
        clock.advance(Duration.ofSeconds(30));
        awaitCalls(station.id(), "Heartbeat", 1);
        assertNoViolations();
    }
}
