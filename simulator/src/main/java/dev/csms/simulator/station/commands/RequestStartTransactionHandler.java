package dev.csms.simulator.station.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.connection.Reply;
import dev.csms.simulator.station.ChargingSession;
import dev.csms.simulator.station.Json;
import dev.csms.simulator.station.StationRuntime;
import java.util.Optional;
import java.util.Set;

/**
 * 1.6 RemoteStartTransaction / 2.x RequestStartTransaction: accepted when the connector (or, without one, any
 * connector) is free for the id tag and the station is accepted; then a real session starts (Authorize first if
 * AuthorizeRemoteTxRequests / AuthorizeRemoteStart), with the remoteStartId in 2.x TransactionEvent(Started) and
 * a charging profile from the request installed for the transaction.
 */
final class RequestStartTransactionHandler implements CommandHandler {

    @Override
    public Set<String> actions(OcppVersion version) {
        return CommandHandler.named(version, "RemoteStartTransaction", "RequestStartTransaction");
    }

    @Override
    public Reply handle(StationRuntime station, String action, ObjectNode request) {
        Optional<ChargingSession> session = Optional.empty();
        if (station.accepted()) {
            if (station.version().isTwoX()) {
                JsonNode token = request.path("idToken");
                session = station.sessions().remoteStart(Json.integer(request, "evseId"),
                        token.path("idToken").asText(), token.path("type").asText("Central"),
                        request.path("remoteStartId").asInt(), profile(request));
            } else {
                session = station.sessions().remoteStart(Json.integer(request, "connectorId"),
                        request.path("idTag").asText(), null, null, profile(request));
            }
        }
        if (session.isEmpty()) {
            return Reply.result(Json.status("Rejected"));
        }
        ChargingSession accepted = session.get();
        return Reply.result(Json.status("Accepted"), () -> station.sessions().continueRemoteStart(accepted));
    }

    private static ObjectNode profile(ObjectNode request) {
        JsonNode profile = request.get("chargingProfile");
        return profile instanceof ObjectNode object ? object : null;
    }
}
