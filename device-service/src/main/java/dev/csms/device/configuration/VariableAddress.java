package dev.csms.device.configuration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Where a variable lives in a 2.x device model: component (with instance and EVSE/connector) and variable (with
 * instance). Instances are null when absent.
 */
public record VariableAddress(String component, String componentInstance, Integer evseId, Integer connectorId,
        String variable, String variableInstance) {

    /** OCPP 2.x identifierString/string limit of component and variable names and instances. */
    static final int MAX_NAME = 50;

    public static VariableAddress of(String component, String variable) {
        return new VariableAddress(component, null, null, null, variable, null);
    }

    /**
     * Reads a raw key of the operator API, {@code component[.instance].variable}; empty when it is not of that form
     * (or a part is longer than 2.x allows).
     */
    public static Optional<VariableAddress> parse(String key) {
        String[] parts = key.split("\\.", -1);
        if (parts.length < 2 || parts.length > 3) {
            return Optional.empty();
        }
        for (String part : parts) {
            if (part.isBlank() || part.length() > MAX_NAME) {
                return Optional.empty();
            }
        }
        return Optional.of(parts.length == 2 ? of(parts[0], parts[1])
                : new VariableAddress(parts[0], parts[1], null, null, parts[2], null));
    }

    /** Reads the {@code component} and {@code variable} objects of a 2.x message. */
    static VariableAddress from(JsonNode component, JsonNode variable) {
        JsonNode evse = component.path("evse");
        return new VariableAddress(component.path("name").asText(), text(component, "instance"),
                evse.isObject() ? evse.path("id").asInt() : null,
                evse.isObject() && evse.hasNonNull("connectorId") ? evse.path("connectorId").asInt() : null,
                variable.path("name").asText(), text(variable, "instance"));
    }

    /** The key as the API shows it: {@code component[.instance].variable}. */
    public String key() {
        return component + (componentInstance == null ? "" : "." + componentInstance) + "." + variable;
    }

    String componentInstanceOrEmpty() {
        return componentInstance == null ? "" : componentInstance;
    }

    String variableInstanceOrEmpty() {
        return variableInstance == null ? "" : variableInstance;
    }

    /** The 2.x {@code component} object. */
    ObjectNode componentJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("name", component);
        if (componentInstance != null) {
            node.put("instance", componentInstance);
        }
        if (evseId != null) {
            ObjectNode evse = node.putObject("evse").put("id", evseId);
            if (connectorId != null) {
                evse.put("connectorId", connectorId);
            }
        }
        return node;
    }

    /** The 2.x {@code variable} object. */
    ObjectNode variableJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("name", variable);
        if (variableInstance != null) {
            node.put("instance", variableInstance);
        }
        return node;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
