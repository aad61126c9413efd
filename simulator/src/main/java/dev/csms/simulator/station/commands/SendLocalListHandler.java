package dev.csms.simulator.station.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.connection.Reply;
import dev.csms.simulator.station.Json;
import dev.csms.simulator.station.LocalAuthorization;
import dev.csms.simulator.station.StationRuntime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * SendLocalList: Full replaces the list, Differential adds, changes and (entries without id tag info) removes;
 * a differential update that is not newer than the list is VersionMismatch, a list over
 * LocalAuthListMaxLength Failed, a disabled list NotSupported (1.6) / Failed (2.x). The station authorizes
 * from the list while off line.
 */
final class SendLocalListHandler implements CommandHandler {

    @Override
    public Set<String> actions(OcppVersion version) {
        return Set.of("SendLocalList");
    }

    @Override
    public Reply handle(StationRuntime station, String action, ObjectNode request) {
        boolean twoX = station.version().isTwoX();
        String enabled = twoX
                ? station.settings().get(station.settings().find2x("LocalAuthListCtrlr", "Enabled", null, false)
                        .orElseThrow(), 0)
                : station.settings().get(station.settings().find16("LocalAuthListEnabled").orElseThrow(), 0);
        if (!"true".equals(enabled)) {
            return Reply.result(Json.status(twoX ? "Failed" : "NotSupported"));
        }
        Map<String, String> entries = new HashMap<>();
        for (JsonNode entry : request.path("localAuthorizationList")) {
            String tag = twoX ? entry.path("idToken").path("idToken").asText() : entry.path("idTag").asText();
            JsonNode info = entry.get(twoX ? "idTokenInfo" : "idTagInfo");
            entries.put(tag, info == null ? null : info.path("status").asText());
        }
        int version = request.path(twoX ? "versionNumber" : "listVersion").asInt();
        boolean full = "Full".equals(request.path("updateType").asText());
        LocalAuthorization.UpdateResult result = station.localAuth().update(version, full, entries);
        return Reply.result(Json.status(switch (result) {
            case ACCEPTED -> "Accepted";
            case VERSION_MISMATCH -> "VersionMismatch";
            case FAILED -> "Failed";
        }));
    }
}
