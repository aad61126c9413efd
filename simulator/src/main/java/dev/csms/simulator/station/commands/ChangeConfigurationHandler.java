package dev.csms.simulator.station.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.connection.Reply;
import dev.csms.simulator.station.Json;
import dev.csms.simulator.station.Setting;
import dev.csms.simulator.station.Settings;
import dev.csms.simulator.station.StationRuntime;
import java.util.Optional;
import java.util.Set;

/**
 * 1.6 ChangeConfiguration: NotSupported for an unknown key, Rejected for a read-only key or a value of the wrong
 * type, RebootRequired for keys that take effect after a reboot (WebSocketPingInterval, SecurityProfile),
 * else Accepted and in effect (a new HeartbeatInterval reschedules the heartbeat, MeterValueSampleInterval
 * applies from the next sample).
 */
final class ChangeConfigurationHandler implements CommandHandler {

    @Override
    public Set<String> actions(OcppVersion version) {
        return CommandHandler.named(version, "ChangeConfiguration", null);
    }

    @Override
    public Reply handle(StationRuntime station, String action, ObjectNode request) {
        Optional<Setting> setting = station.settings().find16(request.path("key").asText());
        if (setting.isEmpty()) {
            return Reply.result(Json.status("NotSupported"));
        }
        Settings.SetResult result = station.settings().set(setting.get(), 0, request.path("value").asText());
        return Reply.result(Json.status(switch (result) {
            case ACCEPTED -> "Accepted";
            case REJECTED -> "Rejected";
            case REBOOT_REQUIRED -> "RebootRequired";
        }));
    }
}
