package dev.csms.simulator.station.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.connection.Reply;
import dev.csms.simulator.station.Json;
import dev.csms.simulator.station.StationRuntime;
import java.util.Set;

/**
 * ChangeAvailability of the station (1.6 connector 0, 2.x no EVSE) or one connector / EVSE: Operative or
 * Inoperative at once, with StatusNotification (Available / Unavailable); a connector with a running transaction
 * changes when it ends (Scheduled).
 */
final class ChangeAvailabilityHandler implements CommandHandler {

    @Override
    public Set<String> actions(OcppVersion version) {
        return Set.of("ChangeAvailability");
    }

    @Override
    public Reply handle(StationRuntime station, String action, ObjectNode request) {
        int id;
        boolean operative;
        if (station.version().isTwoX()) {
            id = request.path("evse").path("id").asInt(0);
            operative = "Operative".equals(request.path("operationalStatus").asText());
            if (request.path("evse").has("connectorId") && request.path("evse").path("connectorId").asInt() != 1) {
                return Reply.result(Json.status("Rejected"));
            }
        } else {
            id = request.path("connectorId").asInt();
            operative = "Operative".equals(request.path("type").asText());
        }
        if (id != 0 && !station.hasConnector(id)) {
            return Reply.result(Json.status("Rejected"));
        }
        StationRuntime.AvailabilityResult result = station.changeAvailability(id, operative);
        return Reply.result(Json.status(result == StationRuntime.AvailabilityResult.SCHEDULED ? "Scheduled"
                : "Accepted"));
    }
}
