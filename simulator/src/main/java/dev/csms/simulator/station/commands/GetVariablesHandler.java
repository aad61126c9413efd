package dev.csms.simulator.station.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.connection.Reply;
import dev.csms.simulator.station.Json;
import dev.csms.simulator.station.Setting;
import dev.csms.simulator.station.StationRuntime;
import java.util.Set;

/**
 * 2.x GetVariables: per requested variable Accepted with its value, UnknownComponent, UnknownVariable,
 * NotSupportedAttributeType (only Actual exists here) or Rejected (write-only, e.g. BasicAuthPassword).
 */
final class GetVariablesHandler implements CommandHandler {

    @Override
    public Set<String> actions(OcppVersion version) {
        return CommandHandler.named(version, null, "GetVariables");
    }

    @Override
    public Reply handle(StationRuntime station, String action, ObjectNode request) {
        ObjectNode response = Json.object();
        ArrayNode results = response.putArray("getVariableResult");
        for (JsonNode data : request.path("getVariableData")) {
            ObjectNode result = Json.object();
            DeviceModel.Lookup lookup = DeviceModel.find(station, data.path("component"), data.path("variable"));
            String attributeType = data.path("attributeType").asText("Actual");
            String status = lookup.status();
            if (lookup.setting().isPresent()) {
                Setting setting = lookup.setting().get();
                if (!"Actual".equals(attributeType)) {
                    status = "NotSupportedAttributeType";
                } else if (setting.mutability() == Setting.Mutability.WRITE_ONLY) {
                    status = "Rejected";
                } else {
                    result.put("attributeValue", station.settings().get(setting, lookup.evseId()));
                }
            }
            result.put("attributeStatus", status);
            if (data.has("attributeType")) {
                result.put("attributeType", attributeType);
            }
            result.set("component", data.path("component").deepCopy());
            result.set("variable", data.path("variable").deepCopy());
            results.add(result);
        }
        return Reply.result(response);
    }
}
