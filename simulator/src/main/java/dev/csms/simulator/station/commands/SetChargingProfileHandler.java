package dev.csms.simulator.station.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.connection.Reply;
import dev.csms.simulator.station.ChargingProfiles;
import dev.csms.simulator.station.Connector;
import dev.csms.simulator.station.Json;
import dev.csms.simulator.station.StationRuntime;
import java.util.Set;

/**
 * SetChargingProfile: installs the profile (see {@link ChargingProfiles} for the rules) and every running
 * session takes the new limit at once, which its meter values then show. Rejected for an unknown connector,
 * a TxProfile without a transaction, a station maximum on a connector, a purpose the CSMS may not set.
 */
final class SetChargingProfileHandler implements CommandHandler {

    @Override
    public Set<String> actions(OcppVersion version) {
        return Set.of("SetChargingProfile");
    }

    @Override
    public Reply handle(StationRuntime station, String action, ObjectNode request) {
        boolean twoX = station.version().isTwoX();
        int evseId = request.path(twoX ? "evseId" : "connectorId").asInt();
        if (evseId != 0 && !station.hasConnector(evseId)) {
            return Reply.result(Json.status("Rejected"));
        }
        ObjectNode json = (ObjectNode) request.get(twoX ? "chargingProfile" : "csChargingProfiles");
        ChargingProfiles.Profile profile = ChargingProfiles.read(json, evseId);
        String transactionId = null;
        if (evseId != 0) {
            Connector connector = station.connector(evseId);
            transactionId = connector.hasActiveTransaction() ? connector.session().transactionId() : null;
        }
        ChargingProfiles.SetResult result = station.profiles().set(profile, transactionId, station.now());
        if (result == ChargingProfiles.SetResult.ACCEPTED) {
            station.sessions().profilesChanged();
        }
        return Reply.result(Json.status(result == ChargingProfiles.SetResult.ACCEPTED ? "Accepted" : "Rejected"));
    }
}
