package dev.csms.simulator.station.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.connection.Reply;
import dev.csms.simulator.station.Json;
import dev.csms.simulator.station.StationRuntime;
import java.util.Set;

/** ClearCache: empties the authorization cache. */
final class ClearCacheHandler implements CommandHandler {

    @Override
    public Set<String> actions(OcppVersion version) {
        return Set.of("ClearCache");
    }

    @Override
    public Reply handle(StationRuntime station, String action, ObjectNode request) {
        station.localAuth().clearCache();
        return Reply.result(Json.status("Accepted"));
    }
}
