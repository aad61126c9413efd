package dev.csms.device.configuration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.device.configuration.ConfigurationRequest.Operation;
import dev.csms.device.configuration.SettingCatalogue.Target;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.StationCommand;
import dev.csms.ocpp.canonical.StationCommand.RawCommand;
import dev.csms.runtime.command.CommandRecord;

/**
 * The configuration commands of each version (none has a canonical form, so they travel as {@link RawCommand}s) and
 * what their answers mean for a configuration request.
 */
public final class ConfigurationCommands {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ConfigurationCommands() {
    }

    /** Reads or sets the target: 1.6 GetConfiguration / ChangeConfiguration, 2.x GetVariables / SetVariables. */
    public static StationCommand of(Operation operation, Target target, String value) {
        if (target.v16Key() != null) {
            if (operation == Operation.Set) {
                return new RawCommand("ChangeConfiguration",
                        JSON.objectNode().put("key", target.v16Key()).put("value", value));
            }
            ObjectNode payload = JSON.objectNode();
            payload.putArray("key").add(target.v16Key());
            return new RawCommand("GetConfiguration", payload);
        }
        VariableAddress address = target.address();
        ObjectNode entry = JSON.objectNode();
        entry.set("component", address.componentJson());
        entry.set("variable", address.variableJson());
        ObjectNode payload = JSON.objectNode();
        if (operation == Operation.Set) {
            entry.put("attributeValue", value);
            payload.putArray("setVariableData").add(entry);
            return new RawCommand("SetVariables", payload);
        }
        payload.putArray("getVariableData").add(entry);
        return new RawCommand("GetVariables", payload);
    }

    /** The whole configuration: 1.6 GetConfiguration of every key, 2.x GetBaseReport FullInventory. */
    public static StationCommand report(OcppVersion version, int requestId) {
        if (!version.isTwoX()) {
            return new RawCommand("GetConfiguration", JSON.objectNode());
        }
        return new RawCommand("GetBaseReport",
                JSON.objectNode().put("requestId", requestId).put("reportBase", "FullInventory"));
    }

    /**
     * What a completed command means for one station of a configuration request.
     *
     * @param status the result
     * @param value  the value read, or the value set; null otherwise
     * @param detail why, when the status alone does not say; null otherwise
     */
    public record Outcome(ConfigurationStatus status, String value, String detail) {
    }

    /**
     * Reads the completed command of a configuration request.
     *
     * @param target the key or variable the command addressed
     * @param value  the value the command set; null for a read
     */
    public static Outcome outcome(CommandRecord record, Target target, String value) {
        return switch (record.status()) {
            case Pending -> new Outcome(ConfigurationStatus.Pending, null, null);
            case Answered -> answered(record.action(), record.response().path("rawResponse"), target, value);
            case Timeout -> new Outcome(ConfigurationStatus.Timeout, null, record.errorDescription());
            case StationOffline -> new Outcome(ConfigurationStatus.Offline, null, record.errorDescription());
            case Unsupported -> new Outcome(ConfigurationStatus.NotSupported, null, record.errorDescription());
            case CallError -> new Outcome(ConfigurationStatus.Failed, null,
                    "CallError " + record.errorCode() + (record.errorDescription() == null ? ""
                            : ": " + record.errorDescription()));
            case QueueFull, ValidationFailed -> new Outcome(ConfigurationStatus.Failed, null,
                    record.status() + (record.errorDescription() == null ? "" : ": " + record.errorDescription()));
        };
    }

    private static Outcome answered(String action, JsonNode response, Target target, String value) {
        return switch (action) {
            case "ChangeConfiguration" -> {
                ConfigurationStatus status = switch (response.path("status").asText()) {
                    case "Accepted" -> ConfigurationStatus.Accepted;
                    case "RebootRequired" -> ConfigurationStatus.RebootRequired;
                    case "NotSupported" -> ConfigurationStatus.NotSupported;
                    default -> ConfigurationStatus.Rejected;
                };
                yield new Outcome(status, applied(status) ? value : null, null);
            }
            case "GetConfiguration" -> {
                for (JsonNode key : response.path("configurationKey")) {
                    if (key.path("key").asText().equalsIgnoreCase(target.v16Key())) {
                        yield new Outcome(ConfigurationStatus.Accepted, text(key.get("value")), null);
                    }
                }
                yield new Outcome(ConfigurationStatus.NotSupported, null, "unknown key");
            }
            case "SetVariables" -> {
                JsonNode result = response.path("setVariableResult").path(0);
                ConfigurationStatus status = variableStatus(result.path("attributeStatus").asText());
                yield new Outcome(status, applied(status) ? value : null, reason(result));
            }
            case "GetVariables" -> {
                JsonNode result = response.path("getVariableResult").path(0);
                ConfigurationStatus status = variableStatus(result.path("attributeStatus").asText());
                yield new Outcome(status, status == ConfigurationStatus.Accepted
                        ? text(result.get("attributeValue")) : null, reason(result));
            }
            default -> new Outcome(ConfigurationStatus.Failed, null, "unexpected answer to " + action);
        };
    }

    /** Whether a set value is now the station's (now or after its next reboot). */
    static boolean applied(ConfigurationStatus status) {
        return status == ConfigurationStatus.Accepted || status == ConfigurationStatus.RebootRequired;
    }

    private static ConfigurationStatus variableStatus(String status) {
        return switch (status) {
            case "Accepted" -> ConfigurationStatus.Accepted;
            case "RebootRequired" -> ConfigurationStatus.RebootRequired;
            case "UnknownComponent" -> ConfigurationStatus.UnknownComponent;
            case "UnknownVariable" -> ConfigurationStatus.UnknownVariable;
            case "NotSupportedAttributeType" -> ConfigurationStatus.NotSupported;
            default -> ConfigurationStatus.Rejected;
        };
    }

    private static String reason(JsonNode result) {
        JsonNode info = result.path("attributeStatusInfo");
        if (!info.isObject()) {
            return null;
        }
        String additional = text(info.get("additionalInfo"));
        return info.path("reasonCode").asText() + (additional == null ? "" : ": " + additional);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
