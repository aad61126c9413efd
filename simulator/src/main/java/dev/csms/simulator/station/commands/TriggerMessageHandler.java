package dev.csms.simulator.station.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.connection.Reply;
import dev.csms.simulator.station.Json;
import dev.csms.simulator.station.StationRuntime;
import java.util.Set;

/** TriggerMessage (1.6 with connectorId, 2.x with evse): see {@link Triggers}. */
final class TriggerMessageHandler implements CommandHandler {

    @Override
    public Set<String> actions(OcppVersion version) {
        return Set.of("TriggerMessage");
    }

    @Override
    public Reply handle(StationRuntime station, String action, ObjectNode request) {
        Integer connector = station.version().isTwoX()
                ? Json.integer(request.path("evse"), "id")
                : Json.integer(request, "connectorId");
        return Triggers.trigger(station, request.path("requestedMessage").asText(), connector, false);
    }
}
