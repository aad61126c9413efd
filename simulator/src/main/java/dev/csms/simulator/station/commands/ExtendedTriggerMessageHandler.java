package dev.csms.simulator.station.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.connection.Reply;
import dev.csms.simulator.station.Json;
import dev.csms.simulator.station.StationRuntime;
import java.util.Set;

/**
 * 1.6 ExtendedTriggerMessage (security extension): like TriggerMessage, plus SignChargePointCertificate;
 * FirmwareStatusNotification and LogStatusNotification ask for the security variants.
 */
final class ExtendedTriggerMessageHandler implements CommandHandler {

    @Override
    public Set<String> actions(OcppVersion version) {
        return CommandHandler.named(version, "ExtendedTriggerMessage", null);
    }

    @Override
    public Reply handle(StationRuntime station, String action, ObjectNode request) {
        return Triggers.trigger(station, request.path("requestedMessage").asText(),
                Json.integer(request, "connectorId"), true);
    }
}
