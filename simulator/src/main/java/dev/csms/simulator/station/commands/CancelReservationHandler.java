package dev.csms.simulator.station.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.connection.Reply;
import dev.csms.simulator.station.Json;
import dev.csms.simulator.station.StationRuntime;
import java.util.Set;

/** CancelReservation: Accepted (the connector is Available again) or Rejected for an unknown reservation. */
final class CancelReservationHandler implements CommandHandler {

    @Override
    public Set<String> actions(OcppVersion version) {
        return Set.of("CancelReservation");
    }

    @Override
    public Reply handle(StationRuntime station, String action, ObjectNode request) {
        boolean cancelled = station.sessions().cancelReservation(request.path("reservationId").asInt());
        return Reply.result(Json.status(cancelled ? "Accepted" : "Rejected"));
    }
}
