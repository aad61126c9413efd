package dev.csms.simulator.station.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.connection.Reply;
import dev.csms.simulator.station.ChargingProfiles;
import dev.csms.simulator.station.Json;
import dev.csms.simulator.station.StationRuntime;
import java.util.Set;
import java.util.function.Predicate;

/**
 * ClearChargingProfile by id, or by connector / EVSE, purpose and stack level (each optional): Accepted when
 * something was removed, Unknown otherwise; running sessions take the new limit at once.
 */
final class ClearChargingProfileHandler implements CommandHandler {

    @Override
    public Set<String> actions(OcppVersion version) {
        return Set.of("ClearChargingProfile");
    }

    @Override
    public Reply handle(StationRuntime station, String action, ObjectNode request) {
        boolean twoX = station.version().isTwoX();
        Integer id = Json.integer(request, twoX ? "chargingProfileId" : "id");
        JsonNode criteria = twoX ? request.path("chargingProfileCriteria") : request;
        Integer evseId = Json.integer(criteria, twoX ? "evseId" : "connectorId");
        String purpose = Json.text(criteria, "chargingProfilePurpose");
        Integer stackLevel = Json.integer(criteria, "stackLevel");
        Predicate<ChargingProfiles.Profile> matching = p -> (id == null || p.id() == id)
                && (evseId == null || p.evseId() == evseId)
                && (purpose == null || p.purposeName().equals(purpose))
                && (stackLevel == null || p.stackLevel() == stackLevel);
        boolean removed = station.profiles().clear(matching);
        if (removed) {
            station.sessions().profilesChanged();
        }
        return Reply.result(Json.status(removed ? "Accepted" : "Unknown"));
    }
}
