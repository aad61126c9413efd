package dev.csms.simulator.station.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.simulator.BootState;
import dev.csms.simulator.connection.CallKind;
import dev.csms.simulator.connection.OutgoingCall;
import dev.csms.simulator.connection.Reply;
import dev.csms.simulator.station.BootReason;
import dev.csms.simulator.station.ChargingSession;
import dev.csms.simulator.station.Connector;
import dev.csms.simulator.station.Json;
import dev.csms.simulator.station.Settings;
import dev.csms.simulator.station.StationRuntime;
import java.util.List;

/**
 * What TriggerMessage (every version) and 1.6 ExtendedTriggerMessage make a station send: Accepted and the
 * message right after the answer, Rejected when there is nothing to send (2.x BootNotification once accepted,
 * TransactionEvent without a transaction, an unknown connector), NotImplemented for messages a station without
 * ISO 15118 or local-controller functions cannot send.
 */
final class Triggers {

    private Triggers() {
    }

    /**
     * Answers a trigger.
     *
     * @param message     the requested message
     * @param connectorId the connector / EVSE it is for, null for all
     * @param extended    1.6 ExtendedTriggerMessage (firmware and log status use the security messages)
     */
    static Reply trigger(StationRuntime station, String message, Integer connectorId, boolean extended) {
        if (connectorId != null && connectorId != 0 && !station.hasConnector(connectorId)) {
            return Reply.result(Json.status("Rejected"));
        }
        Runnable send = switch (message) {
            case "BootNotification" -> station.version().isTwoX() && station.bootState() == BootState.ACCEPTED
                    ? null : () -> station.sendBoot(BootReason.TRIGGERED);
            case "Heartbeat" -> () -> station.send(OutgoingCall.of("Heartbeat", Json.object(), CallKind.REQUESTED));
            case "StatusNotification" -> () -> statuses(station, connectorId);
            case "MeterValues" -> () -> meterValues(station, connectorId);
            case "TransactionEvent" -> transactions(station, connectorId).isEmpty() ? null
                    : () -> transactions(station, connectorId).forEach(s -> station.transactions().triggered(station, s));
            case "FirmwareStatusNotification" -> () -> station.firmware().reportCurrent(extended);
            case "DiagnosticsStatusNotification" -> () -> station.logs().reportCurrent(true);
            case "LogStatusNotification" -> () -> station.logs().reportCurrent(false);
            case "SignChargePointCertificate", "SignChargingStationCertificate" -> () -> signCertificate(station,
                    "ChargingStationCertificate");
            case "SignV2GCertificate" -> () -> signCertificate(station, "V2GCertificate");
            default -> {
                yield NOT_IMPLEMENTED;
            }
        };
        if (send == NOT_IMPLEMENTED) {
            return Reply.result(Json.status("NotImplemented"));
        }
        if (send == null) {
            return Reply.result(Json.status("Rejected"));
        }
        return Reply.result(Json.status("Accepted"), send);
    }

    private static final Runnable NOT_IMPLEMENTED = () -> { };

    private static void statuses(StationRuntime station, Integer connectorId) {
        if (connectorId != null) {
            station.reportStatus(connectorId, CallKind.REQUESTED);
            return;
        }
        if (!station.version().isTwoX()) {
            station.reportStatus(0, CallKind.REQUESTED);
        }
        station.connectors().forEach(c -> station.reportStatus(c.id(), CallKind.REQUESTED));
    }

    private static void meterValues(StationRuntime station, Integer connectorId) {
        List<Connector> connectors = connectorId == null || connectorId == 0 ? station.connectors()
                : List.of(station.connector(connectorId));
        for (Connector connector : connectors) {
            if (!station.version().isTwoX() && connector.hasActiveTransaction()) {
                station.transactions().triggered(station, connector.session());
            } else {
                ObjectNode payload = station.messages().meterValues(connector.id(), null,
                        station.reading(connector, "Trigger", false));
                station.send(OutgoingCall.of("MeterValues", payload, CallKind.REQUESTED));
            }
        }
    }

    private static List<ChargingSession> transactions(StationRuntime station, Integer connectorId) {
        return station.sessions().running().stream()
                .filter(s -> connectorId == null || connectorId == 0 || s.connector().id() == connectorId)
                .toList();
    }

    private static void signCertificate(StationRuntime station, String type) {
        String organization = station.settings().get(Settings.CATALOG.stream()
                .filter(s -> "OrganizationName".equals(s.variable())).findFirst().orElseThrow(), 0);
        String csr = station.certificates().createCsr(station.config().stationId(), organization);
        station.send(OutgoingCall.of("SignCertificate",
                station.messages().signCertificate(csr, station.version().isTwoX() ? type : null),
                CallKind.REQUESTED));
    }
}
