package dev.csms.simulator.station.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.connection.Reply;
import dev.csms.simulator.station.Json;
import dev.csms.simulator.station.StationRuntime;
import java.util.Set;

/**
 * GetLog (1.6 security extension and 2.x): Accepted with a file name, then LogStatusNotification Uploading and
 * Uploaded (or UploadFailure) with the requestId.
 */
final class GetLogHandler implements CommandHandler {

    @Override
    public Set<String> actions(OcppVersion version) {
        return Set.of("GetLog");
    }

    @Override
    public Reply handle(StationRuntime station, String action, ObjectNode request) {
        int requestId = request.path("requestId").asInt();
        String type = "SecurityLog".equals(request.path("logType").asText()) ? "security" : "diagnostics";
        String fileName = type + "-" + station.config().stationId() + "-" + requestId + ".log";
        return Reply.result(Json.status("Accepted").put("filename", fileName),
                () -> station.logs().upload(requestId, false));
    }
}
