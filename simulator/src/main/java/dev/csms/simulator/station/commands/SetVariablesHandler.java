package dev.csms.simulator.station.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.connection.Reply;
import dev.csms.simulator.station.Json;
import dev.csms.simulator.station.Settings;
import dev.csms.simulator.station.StationRuntime;
import java.util.Set;

/**
 * 2.x SetVariables: per variable Accepted (in effect now: a new HeartbeatInterval reschedules the heartbeat,
 * the RetryBackOff variables apply to the next reconnection), RebootRequired, Rejected (read-only or wrong
 * type), UnknownComponent, UnknownVariable or NotSupportedAttributeType.
 */
final class SetVariablesHandler implements CommandHandler {

    @Override
    public Set<String> actions(OcppVersion version) {
        return CommandHandler.named(version, null, "SetVariables");
    }

    @Override
    public Reply handle(StationRuntime station, String action, ObjectNode request) {
        ObjectNode response = Json.object();
        ArrayNode results = response.putArray("setVariableResult");
        for (JsonNode data : request.path("setVariableData")) {
            DeviceModel.Lookup lookup = DeviceModel.find(station, data.path("component"), data.path("variable"));
            String attributeType = data.path("attributeType").asText("Actual");
            String status = lookup.status();
            if (lookup.setting().isPresent()) {
                if (!"Actual".equals(attributeType)) {
                    status = "NotSupportedAttributeType";
                } else {
                    Settings.SetResult result = station.settings().set(lookup.setting().get(), lookup.evseId(),
                            data.path("attributeValue").asText());
                    status = switch (result) {
                        case ACCEPTED -> "Accepted";
                        case REJECTED -> "Rejected";
                        case REBOOT_REQUIRED -> "RebootRequired";
                    };
                }
            }
            ObjectNode result = results.addObject();
            if (data.has("attributeType")) {
                result.put("attributeType", attributeType);
            }
            result.put("attributeStatus", status);
            result.set("component", data.path("component").deepCopy());
            result.set("variable", data.path("variable").deepCopy());
        }
        return Reply.result(response);
    }
}
