package dev.csms.simulator.station.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.connection.Reply;
import dev.csms.simulator.station.Json;
import dev.csms.simulator.station.Sessions;
import dev.csms.simulator.station.StationRuntime;
import java.util.Set;

/**
 * ReserveNow: Accepted when the connector (2.x: or, without an EVSE, any) is free, and it shows Reserved; a
 * session for the reserved id tag uses the reservation (reservationId in the start message); at expiry it is
 * Available again (2.x with ReservationStatusUpdate Expired). Occupied, Unavailable, Rejected (1.6 connector 0,
 * 2.x reservations disabled) otherwise.
 */
final class ReserveNowHandler implements CommandHandler {

    @Override
    public Set<String> actions(OcppVersion version) {
        return Set.of("ReserveNow");
    }

    @Override
    public Reply handle(StationRuntime station, String action, ObjectNode request) {
        Sessions.ReserveResult result;
        if (station.version().isTwoX()) {
            boolean enabled = station.settings().get(station.settings().find2x("ReservationCtrlr", "Enabled", null,
                    false).orElseThrow(), 0).equals("true");
            result = !enabled ? Sessions.ReserveResult.Rejected : station.sessions().reserve(
                    Json.integer(request, "evseId"), request.path("id").asInt(),
                    request.path("idToken").path("idToken").asText(),
                    UpdateFirmwareHandler.instant(request.path("expiryDateTime")));
        } else {
            result = station.sessions().reserve(request.path("connectorId").asInt(),
                    request.path("reservationId").asInt(), request.path("idTag").asText(),
                    UpdateFirmwareHandler.instant(request.path("expiryDate")));
        }
        return Reply.result(Json.status(result.name()));
    }
}
