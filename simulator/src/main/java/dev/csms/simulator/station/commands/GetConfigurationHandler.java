package dev.csms.simulator.station.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.connection.Reply;
import dev.csms.simulator.station.Json;
import dev.csms.simulator.station.Setting;
import dev.csms.simulator.station.Settings;
import dev.csms.simulator.station.StationRuntime;
import java.util.Optional;
import java.util.Set;

/** 1.6 GetConfiguration: the asked keys (every key when none is asked), unknown keys listed apart. */
final class GetConfigurationHandler implements CommandHandler {

    @Override
    public Set<String> actions(OcppVersion version) {
        return CommandHandler.named(version, "GetConfiguration", null);
    }

    @Override
    public Reply handle(StationRuntime station, String action, ObjectNode request) {
        ObjectNode response = Json.object();
        ArrayNode known = Json.array();
        ArrayNode unknown = Json.array();
        JsonNode keys = request.path("key");
        if (keys.isArray() && !keys.isEmpty()) {
            for (JsonNode key : keys) {
                Optional<Setting> setting = station.settings().find16(key.asText());
                if (setting.isPresent()) {
                    known.add(entry(station, setting.get()));
                } else {
                    unknown.add(key.asText());
                }
            }
        } else {
            Settings.CATALOG.stream().filter(Setting::in16).forEach(s -> known.add(entry(station, s)));
        }
        if (!known.isEmpty()) {
            response.set("configurationKey", known);
        }
        if (!unknown.isEmpty()) {
            response.set("unknownKey", unknown);
        }
        return Reply.result(response);
    }

    private static ObjectNode entry(StationRuntime station, Setting setting) {
        ObjectNode entry = Json.object()
                .put("key", setting.key16())
                .put("readonly", setting.mutability() == Setting.Mutability.READ_ONLY);
        if (setting.mutability() != Setting.Mutability.WRITE_ONLY) {
            entry.put("value", station.settings().get(setting, 0));
        }
        return entry;
    }
}
