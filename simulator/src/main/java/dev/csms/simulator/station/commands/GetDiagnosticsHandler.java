package dev.csms.simulator.station.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.connection.Reply;
import dev.csms.simulator.station.Json;
import dev.csms.simulator.station.StationRuntime;
import java.util.Set;

/** 1.6 GetDiagnostics: the file name, then DiagnosticsStatusNotification Uploading and Uploaded (or UploadFailed). */
final class GetDiagnosticsHandler implements CommandHandler {

    @Override
    public Set<String> actions(OcppVersion version) {
        return CommandHandler.named(version, "GetDiagnostics", null);
    }

    @Override
    public Reply handle(StationRuntime station, String action, ObjectNode request) {
        String fileName = "diagnostics-" + station.config().stationId() + "-" + station.now().getEpochSecond() + ".zip";
        return Reply.result(Json.object().put("fileName", fileName), () -> station.logs().upload(null, true));
    }
}
