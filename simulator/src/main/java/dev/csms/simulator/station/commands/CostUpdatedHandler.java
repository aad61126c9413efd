package dev.csms.simulator.station.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.connection.Reply;
import dev.csms.simulator.station.Json;
import dev.csms.simulator.station.StationRuntime;
import java.util.Set;

/** 2.x CostUpdated: the running transaction keeps the total cost (shown as on a station display). */
final class CostUpdatedHandler implements CommandHandler {

    @Override
    public Set<String> actions(OcppVersion version) {
        return CommandHandler.named(version, null, "CostUpdated");
    }

    @Override
    public Reply handle(StationRuntime station, String action, ObjectNode request) {
        station.sessions().byTransactionId(request.path("transactionId").asText())
                .ifPresent(session -> session.costUpdated(request.path("totalCost").decimalValue()));
        return Reply.result(Json.object());
    }
}
