package dev.csms.simulator.station.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.connection.Reply;
import dev.csms.simulator.station.ChargingSession;
import dev.csms.simulator.station.Json;
import dev.csms.simulator.station.StationRuntime;
import dev.csms.simulator.station.StopReason;
import java.util.Optional;
import java.util.Set;

/**
 * 1.6 RemoteStopTransaction / 2.x RequestStopTransaction: accepted for a running transaction, which then ends
 * (1.6 reason Remote; 2.x triggerReason RemoteStop, stoppedReason Remote); rejected for any other id.
 */
final class RequestStopTransactionHandler implements CommandHandler {

    @Override
    public Set<String> actions(OcppVersion version) {
        return CommandHandler.named(version, "RemoteStopTransaction", "RequestStopTransaction");
    }

    @Override
    public Reply handle(StationRuntime station, String action, ObjectNode request) {
        Optional<ChargingSession> session = station.sessions().byTransactionId(request.path("transactionId").asText());
        if (session.isEmpty()) {
            return Reply.result(Json.status("Rejected"));
        }
        return Reply.result(Json.status("Accepted"), () -> station.sessions().stop(session.get(), StopReason.REMOTE));
    }
}
