package dev.csms.simulator.station.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.connection.Reply;
import dev.csms.simulator.station.Json;
import dev.csms.simulator.station.StationRuntime;
import java.util.Set;

/**
 * 2.x GetTransactionStatus: whether transaction messages wait to be delivered, and (for a transaction id) whether
 * that transaction is still running.
 */
final class GetTransactionStatusHandler implements CommandHandler {

    @Override
    public Set<String> actions(OcppVersion version) {
        return CommandHandler.named(version, null, "GetTransactionStatus");
    }

    @Override
    public Reply handle(StationRuntime station, String action, ObjectNode request) {
        ObjectNode response = Json.object();
        String transactionId = Json.text(request, "transactionId");
        if (transactionId != null) {
            response.put("ongoingIndicator", station.sessions().byTransactionId(transactionId).isPresent());
        }
        response.put("messagesInQueue", station.hasQueuedTransactionMessages());
        return Reply.result(response);
    }
}
