package dev.csms.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Remote start and stop, reset, unlock, availability, trigger and data transfer, the way a station acts on them. */
class RemoteControlTest extends SimulatorTestSupport {

    @ParameterizedTest
    @EnumSource(OcppVersion.class)
    void remoteStartAndStopRunARealSession(OcppVersion version) throws Exception {
        SimulatedStation station = started("REMOTE-" + version.label(), version);
        String id = station.id();
        ObjectNode start = json();
        if (version.isTwoX()) {
            start.put("remoteStartId", 7).put("evseId", 1).putObject("idToken").put("idToken", "APP-1")
                    .put("type", "Central");
        } else {
            start.put("connectorId", 1).put("idTag", "APP-1");
        }
        String startAction = version.isTwoX() ? "RequestStartTransaction" : "RemoteStartTransaction";
        assertThat(answered(id, startAction, start).path("status").asText()).isEqualTo("Accepted");
        await().atMost(DEADLINE).until(() -> station.session(1).map(s -> s.transactionId() != null).orElse(false));
        String transactionId = station.session(1).orElseThrow().transactionId();
        if (version.isTwoX()) {
            ObjectNode started = awaitCalls(id, "TransactionEvent", 1).get(0).payload();
            assertThat(started.path("triggerReason").asText()).isEqualTo("RemoteStart");
            assertThat(started.path("transactionInfo").path("remoteStartId").asInt()).isEqualTo(7);
            assertThat(started.path("idToken").path("type").asText()).isEqualTo("Central");
        } else {
            assertThat(awaitCalls(id, "StartTransaction", 1).get(0).payload().path("idTag").asText())
                    .isEqualTo("APP-1");
        }
        // the connector is busy now
        assertThat(answered(id, startAction, start).path("status").asText()).isEqualTo("Rejected");

        String stopAction = version.isTwoX() ? "RequestStopTransaction" : "RemoteStopTransaction";
        ObjectNode unknown = version.isTwoX() ? json().put("transactionId", "nope")
                : json().put("transactionId", 999_999);
        assertThat(answered(id, stopAction, unknown).path("status").asText()).isEqualTo("Rejected");
        ObjectNode stop = version.isTwoX() ? json().put("transactionId", transactionId)
                : json().put("transactionId", Integer.parseInt(transactionId));
        assertThat(answered(id, stopAction, stop).path("status").asText()).isEqualTo("Accepted");
        if (version.isTwoX()) {
            ObjectNode ended = awaitCalls(id, "TransactionEvent", 2).get(1).payload();
            assertThat(ended.path("eventType").asText()).isEqualTo("Ended");
            assertThat(ended.path("triggerReason").asText()).isEqualTo("RemoteStop");
            assertThat(ended.path("transactionInfo").path("stoppedReason").asText()).isEqualTo("Remote");
        } else {
            assertThat(awaitCalls(id, "StopTransaction", 1).get(0).payload().path("reason").asText())
                    .isEqualTo("Remote");
        }
        await().atMost(DEADLINE).until(() -> station.connectorStatus(1).equals("Available"));
        assertNoViolations();
    }

    @ParameterizedTest
    @EnumSource(OcppVersion.class)
    void resetEndsTheSessionDisconnectsRebootsAndBootsAgain(OcppVersion version) throws Exception {
        SimulatedStation station = started("RESET-" + version.label(), version);
        String id = station.id();
        station.startSession(1, "TAG-1").get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        ObjectNode reset = json().put("type", version.isTwoX() ? "Immediate" : "Hard");
        assertThat(answered(id, "Reset", reset).path("status").asText()).isEqualTo("Accepted");
        await().atMost(DEADLINE).until(() -> station.connectionState() == ConnectionState.OFF);
        assertThat(station.bootState()).isEqualTo(BootState.NOT_BOOTED);

        tick(Duration.ofSeconds(5));
        awaitAccepted(station);
        List<TestCsms.Received> boots = awaitCalls(id, "BootNotification", 2);
        if (version.isTwoX()) {
            assertThat(boots.get(1).payload().path("reason").asText()).isEqualTo("RemoteReset");
            ObjectNode ended = awaitCalls(id, "TransactionEvent", 2).get(1).payload();
            assertThat(ended.path("transactionInfo").path("stoppedReason").asText()).isEqualTo("ImmediateReset");
            assertThat(ended.path("triggerReason").asText()).isEqualTo("ResetCommand");
        } else {
            assertThat(awaitCalls(id, "StopTransaction", 1).get(0).payload().path("reason").asText())
                    .isEqualTo("HardReset");
        }
        assertNoViolations();
    }

    @Test
    void aStationPoweredOffWhileRebootingStaysOff() throws Exception {
        SimulatedStation station = started("REBOOT-OFF", OcppVersion.V2_0_1);
        answered(station.id(), "Reset", json().put("type", "Immediate"));
        await().atMost(DEADLINE).until(() -> station.connectionState() == ConnectionState.OFF);
        station.stop().get();
        tick(Duration.ofSeconds(10));
        assertThat(station.connectionState()).isEqualTo(ConnectionState.OFF);
        assertThat(csms.calls(station.id(), "BootNotification")).hasSize(1);
        station.start().get();
        awaitAccepted(station);
    }

    @ParameterizedTest
    @EnumSource(value = OcppVersion.class, names = {"V2_0_1", "V2_1"})
    void onIdleResetWaitsForTheTransactionToEnd(OcppVersion version) throws Exception {
        SimulatedStation station = started("IDLE-" + version.label(), version);
        station.startSession(1, "TAG-1").get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertThat(answered(station.id(), "Reset", json().put("type", "OnIdle")).path("status").asText())
                .isEqualTo("Scheduled");
        assertThat(station.connectionState()).isEqualTo(ConnectionState.CONNECTED);
        station.stopSession(1).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        await().atMost(DEADLINE).until(() -> station.connectionState() == ConnectionState.OFF);
        tick(Duration.ofSeconds(5));
        awaitAccepted(station);
        assertNoViolations();
    }

    @ParameterizedTest
    @EnumSource(OcppVersion.class)
    void unlockConnector(OcppVersion version) throws Exception {
        SimulatedStation station = started("UNLOCK-" + version.label(), version);
        station.startSession(1, "TAG-1").get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        ObjectNode unlock = version.isTwoX() ? json().put("evseId", 1).put("connectorId", 1)
                : json().put("connectorId", 1);
        String status = answered(station.id(), "UnlockConnector", unlock).path("status").asText();
        if (version.isTwoX()) {
            assertThat(status).isEqualTo("OngoingAuthorizedTransaction");
            assertThat(station.session(1).orElseThrow().active()).isTrue();
            ObjectNode unknown = json().put("evseId", 9).put("connectorId", 1);
            assertThat(answered(station.id(), "UnlockConnector", unknown).path("status").asText())
                    .isEqualTo("UnknownConnector");
        } else {
            // 1.6: the station ends the transaction to release the cable
            assertThat(status).isEqualTo("Unlocked");
            assertThat(awaitCalls(station.id(), "StopTransaction", 1).get(0).payload().path("reason").asText())
                    .isEqualTo("UnlockCommand");
        }
        assertNoViolations();
    }

    @ParameterizedTest
    @EnumSource(OcppVersion.class)
    void changeAvailabilityReportsTheNewStatusAndWaitsForARunningTransaction(OcppVersion version)
            throws Exception {
        SimulatedStation station = station(StationConfig.builder("AVAIL-" + version.label(), version).connectors(2)
                .behaviour(behaviour().build()).build());
        station.start();
        awaitAccepted(station);
        String id = station.id();
        station.startSession(2, "TAG-2").get(DEADLINE.toSeconds(), TimeUnit.SECONDS);

        assertThat(answered(id, "ChangeAvailability", availability(version, 1, false)).path("status").asText())
                .isEqualTo("Accepted");
        await().atMost(DEADLINE).until(() -> station.connectorStatus(1).equals("Unavailable"));
        await().atMost(DEADLINE).until(() -> "Unavailable".equals(lastStatus(version, id, 1)));

        assertThat(answered(id, "ChangeAvailability", availability(version, 2, false)).path("status").asText())
                .isEqualTo("Scheduled");
        station.stopSession(2).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        await().atMost(DEADLINE).until(() -> station.connectorStatus(2).equals("Unavailable"));
        await().atMost(DEADLINE).until(() -> "Unavailable".equals(lastStatus(version, id, 2)));

        assertThat(answered(id, "ChangeAvailability", availability(version, 1, true)).path("status").asText())
                .isEqualTo("Accepted");
        await().atMost(DEADLINE).until(() -> "Available".equals(lastStatus(version, id, 1)));
        assertNoViolations();
    }

    @ParameterizedTest
    @EnumSource(OcppVersion.class)
    void triggeredMessagesFollowTheAnswer(OcppVersion version) throws Exception {
        SimulatedStation station = started("TRIGGER-" + version.label(), version);
        String id = station.id();
        SessionView session = station.startSession(1, "TAG-1").get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        int heartbeats = csms.calls(id, "Heartbeat").size();
        assertThat(answered(id, "TriggerMessage", json().put("requestedMessage", "Heartbeat")).path("status")
                .asText()).isEqualTo("Accepted");
        awaitCalls(id, "Heartbeat", heartbeats + 1);

        ObjectNode meter = json().put("requestedMessage", "MeterValues");
        if (version.isTwoX()) {
            meter.putObject("evse").put("id", 1);
        } else {
            meter.put("connectorId", 1);
        }
        assertThat(answered(id, "TriggerMessage", meter).path("status").asText()).isEqualTo("Accepted");
        ObjectNode values = awaitCalls(id, "MeterValues", 1).get(0).payload();
        assertThat(values.path("meterValue").path(0).path("sampledValue").path(0).path("context").asText())
                .isEqualTo("Trigger");
        if (!version.isTwoX()) {
            assertThat(values.path("transactionId").asText()).isEqualTo(session.transactionId());
        } else {
            assertThat(answered(id, "TriggerMessage", json().put("requestedMessage", "TransactionEvent"))
                    .path("status").asText()).isEqualTo("Accepted");
            ObjectNode triggered = awaitCalls(id, "TransactionEvent", 2).get(1).payload();
            assertThat(triggered.path("triggerReason").asText()).isEqualTo("Trigger");
        }
        int statuses = csms.calls(id, "StatusNotification").size();
        ObjectNode status = json().put("requestedMessage", "StatusNotification");
        if (version.isTwoX()) {
            status.putObject("evse").put("id", 1).put("connectorId", 1);
        } else {
            status.put("connectorId", 1);
        }
        assertThat(answered(id, "TriggerMessage", status).path("status").asText()).isEqualTo("Accepted");
        awaitCalls(id, "StatusNotification", statuses + 1);
        assertNoViolations();
    }

    @ParameterizedTest
    @EnumSource(OcppVersion.class)
    void dataTransferBothWays(OcppVersion version) throws Exception {
        SimulatedStation station = started("DATA-" + version.label(), version);
        ObjectNode echo = json().put("vendorId", "dev.csms.simulator").put("messageId", "Echo").put("data", "ping");
        ObjectNode answer = answered(station.id(), "DataTransfer", echo);
        assertThat(answer.path("status").asText()).isEqualTo("Accepted");
        assertThat(answer.path("data").asText()).isEqualTo("ping");
        assertThat(answered(station.id(), "DataTransfer", json().put("vendorId", "acme")).path("status").asText())
                .isEqualTo("UnknownVendorId");

        ObjectNode result = station.call("DataTransfer", json().put("vendorId", "acme").put("messageId", "hello"))
                .get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertThat(result.path("status").asText()).isEqualTo("Accepted");
        assertNoViolations();
    }

    private static ObjectNode availability(OcppVersion version, int connector, boolean operative) {
        String status = operative ? "Operative" : "Inoperative";
        if (version.isTwoX()) {
            ObjectNode request = json().put("operationalStatus", status);
            request.putObject("evse").put("id", connector);
            return request;
        }
        return json().put("connectorId", connector).put("type", status);
    }

    private String lastStatus(OcppVersion version, String id, int connector) {
        return csms.calls(id, "StatusNotification").stream()
                .map(TestCsms.Received::payload)
                .filter(p -> p.path(version.isTwoX() ? "evseId" : "connectorId").asInt() == connector)
                .reduce((a, b) -> b)
                .map(p -> p.path(version.isTwoX() ? "connectorStatus" : "status").asText())
                .orElse(null);
    }
}
