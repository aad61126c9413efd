package dev.csms.simulator.station.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.connection.Reply;
import dev.csms.simulator.station.BootReason;
import dev.csms.simulator.station.Json;
import dev.csms.simulator.station.StationRuntime;
import dev.csms.simulator.station.StopReason;
import java.util.Set;

/**
 * Reset: running transactions end (1.6 HardReset / SoftReset, 2.x ImmediateReset), the station disconnects,
 * reboots and boots again (2.x reason RemoteReset). 2.x OnIdle waits for the transactions to end (Scheduled);
 * resetting a single EVSE is not supported (Rejected), as on most stations.
 */
final class ResetHandler implements CommandHandler {

    @Override
    public Set<String> actions(OcppVersion version) {
        return Set.of("Reset");
    }

    @Override
    public Reply handle(StationRuntime station, String action, ObjectNode request) {
        String type = request.path("type").asText();
        if (!station.version().isTwoX()) {
            StopReason reason = "Hard".equals(type) ? StopReason.HARD_RESET : StopReason.SOFT_RESET;
            return Reply.result(Json.status("Accepted"), () -> station.reboot(BootReason.REMOTE_RESET, reason));
        }
        if (request.has("evseId")) {
            return Reply.result(Json.status("Rejected"));
        }
        if ("OnIdle".equals(type) && station.sessions().active() > 0) {
            return Reply.result(Json.status("Scheduled"), () -> station.whenIdle(
                    () -> station.reboot(BootReason.REMOTE_RESET, StopReason.HARD_RESET)));
        }
        return Reply.result(Json.status("Accepted"),
                () -> station.reboot(BootReason.REMOTE_RESET, StopReason.HARD_RESET));
    }
}
