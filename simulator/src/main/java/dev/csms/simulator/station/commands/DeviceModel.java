package dev.csms.simulator.station.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.simulator.station.Json;
import dev.csms.simulator.station.Setting;
import dev.csms.simulator.station.Settings;
import dev.csms.simulator.station.StationRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The 2.x device model over the station's {@link Settings}: resolving a component/variable pair of GetVariables
 * and SetVariables, and the entries of NotifyReport.
 */
final class DeviceModel {

    private DeviceModel() {
    }

    /**
     * A resolved (or not) component/variable.
     *
     * @param setting the item, if found
     * @param evseId  the EVSE of a per-EVSE item (0 otherwise)
     * @param status  Accepted when found, else UnknownComponent or UnknownVariable
     */
    record Lookup(Optional<Setting> setting, int evseId, String status) {
    }

    /** Resolves a ComponentType and VariableType. */
    static Lookup find(StationRuntime station, JsonNode component, JsonNode variable) {
        String name = component.path("name").asText();
        JsonNode evse = component.get("evse");
        int evseId = evse == null ? 0 : evse.path("id").asInt();
        if (!station.settings().knowsComponent(name) || component.has("instance")
                || (evse != null && (!station.hasConnector(evseId)
                        || (evse.has("connectorId") && evse.path("connectorId").asInt() != 1)))) {
            return new Lookup(Optional.empty(), 0, "UnknownComponent");
        }
        String instance = variable.has("instance") ? variable.path("instance").asText() : null;
        Optional<Setting> setting = station.settings().find2x(name, variable.path("name").asText(), instance,
                evse != null);
        return new Lookup(setting, evseId, setting.isPresent() ? "Accepted" : "UnknownVariable");
    }

    /** The NotifyReport entries (ReportDataType) of every item that passes the filter. */
    static List<ObjectNode> report(StationRuntime station, Predicate<Setting> filter) {
        List<ObjectNode> entries = new ArrayList<>();
        for (Setting setting : Settings.CATALOG) {
            if (!setting.in2x() || !filter.test(setting)) {
                continue;
            }
            if (setting.perEvse()) {
                for (int evse = 1; evse <= station.connectors().size(); evse++) {
                    entries.add(entry(station, setting, evse));
                }
            } else {
                entries.add(entry(station, setting, 0));
            }
        }
        return entries;
    }

    private static ObjectNode entry(StationRuntime station, Setting setting, int evseId) {
        ObjectNode entry = Json.object();
        ObjectNode component = entry.putObject("component").put("name", setting.component());
        if (setting.perEvse()) {
            ObjectNode evse = component.putObject("evse").put("id", evseId);
            if ("Connector".equals(setting.component())) {
                evse.put("connectorId", 1);
            }
        }
        ObjectNode variable = entry.putObject("variable").put("name", setting.variable());
        if (setting.instance() != null) {
            variable.put("instance", setting.instance());
        }
        ObjectNode attribute = entry.putArray("variableAttribute").addObject().put("type", "Actual");
        if (setting.mutability() != Setting.Mutability.WRITE_ONLY) {
            attribute.put("value", station.settings().get(setting, evseId));
        }
        attribute.put("mutability", setting.mutability().ocpp());
        ObjectNode characteristics = entry.putObject("variableCharacteristics");
        if (setting.unit() != null) {
            characteristics.put("unit", setting.unit());
        }
        characteristics.put("dataType", setting.type().ocpp()).put("supportsMonitoring", false);
        return entry;
    }
}
