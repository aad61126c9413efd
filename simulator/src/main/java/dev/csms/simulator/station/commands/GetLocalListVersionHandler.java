package dev.csms.simulator.station.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.connection.Reply;
import dev.csms.simulator.station.Json;
import dev.csms.simulator.station.StationRuntime;
import java.util.Set;

/** GetLocalListVersion: the version of the local list (0 when there is none). */
final class GetLocalListVersionHandler implements CommandHandler {

    @Override
    public Set<String> actions(OcppVersion version) {
        return Set.of("GetLocalListVersion");
    }

    @Override
    public Reply handle(StationRuntime station, String action, ObjectNode request) {
        String field = station.version().isTwoX() ? "versionNumber" : "listVersion";
        return Reply.result(Json.object().put(field, station.localAuth().version()));
    }
}
