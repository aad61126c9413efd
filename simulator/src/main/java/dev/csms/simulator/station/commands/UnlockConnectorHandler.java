package dev.csms.simulator.station.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.connection.Reply;
import dev.csms.simulator.station.Connector;
import dev.csms.simulator.station.Json;
import dev.csms.simulator.station.StationRuntime;
import dev.csms.simulator.station.StopReason;
import java.util.Set;

/**
 * UnlockConnector. 1.6: a running transaction on the connector ends first (reason UnlockCommand), then
 * Unlocked; an unknown connector UnlockFailed. 2.x: a running transaction is not interrupted
 * (OngoingAuthorizedTransaction); an unknown EVSE or connector is UnknownConnector. An EV still plugged in
 * after its transaction is released.
 */
final class UnlockConnectorHandler implements CommandHandler {

    @Override
    public Set<String> actions(OcppVersion version) {
        return Set.of("UnlockConnector");
    }

    @Override
    public Reply handle(StationRuntime station, String action, ObjectNode request) {
        boolean twoX = station.version().isTwoX();
        int id = request.path(twoX ? "evseId" : "connectorId").asInt();
        if (!station.hasConnector(id) || (twoX && request.path("connectorId").asInt() != 1)) {
            return Reply.result(Json.status(twoX ? "UnknownConnector" : "UnlockFailed"));
        }
        Connector connector = station.connector(id);
        if (connector.hasActiveTransaction()) {
            if (twoX) {
                return Reply.result(Json.status("OngoingAuthorizedTransaction"));
            }
            station.sessions().stop(connector.session(), StopReason.UNLOCK_COMMAND);
        } else {
            station.sessions().unplug(connector);
        }
        return Reply.result(Json.status("Unlocked"));
    }
}
