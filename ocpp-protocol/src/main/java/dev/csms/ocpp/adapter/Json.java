package dev.csms.ocpp.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.csms.ocpp.canonical.IsoInstants;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reading and writing OCPP payload trees: absent and JSON null read as null, null is never written. */
final class Json {

    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private Json() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    static JsonNode field(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    static String text(JsonNode node, String name) {
        JsonNode value = field(node, name);
        return value == null ? null : value.asText();
    }

    static String requiredText(JsonNode node, String name) {
        String value = text(node, name);
        if (value == null) {
            throw new OcppMappingException("required field '" + name + "' is missing");
        }
        return value;
    }

    static Integer integer(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (value == null) {
            return null;
        }
        if (!value.canConvertToInt()) {
            throw new OcppMappingException("field '" + name + "' is not an integer: " + value);
        }
        return value.intValue();
    }

    static int requiredInt(JsonNode node, String name) {
        Integer value = integer(node, name);
        if (value == null) {
            throw new OcppMappingException("required field '" + name + "' is missing");
        }
        return value;
    }

    static Boolean bool(JsonNode node, String name) {
        JsonNode value = field(node, name);
        return value == null ? null : value.asBoolean();
    }

    static BigDecimal decimal(JsonNode node, String name) {
        JsonNode value = field(node, name);
        return value == null ? null : value.decimalValue();
    }

    /**
     * An RFC 3339 timestamp. Stations in the field also send local times without offset: those are read as UTC
     * rather than rejected, because the payload was already accepted by schema validation upstream.
     */
    static Instant instant(JsonNode node, String name) {
        String value = text(node, name);
        if (value == null) {
            return null;
        }
        try {
            return IsoInstants.parse(value);
        } catch (DateTimeParseException withOffset) {
            try {
                return LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException withoutOffset) {
                throw new OcppMappingException("field '" + name + "' is not a date-time: " + value, withOffset);
            }
        }
    }

    static Instant requiredInstant(JsonNode node, String name) {
        Instant value = instant(node, name);
        if (value == null) {
            throw new OcppMappingException("required field '" + name + "' is missing");
        }
        return value;
    }

    static <T> List<T> list(JsonNode node, String name, Function<JsonNode, T> item) {
        JsonNode value = field(node, name);
        List<T> out = new ArrayList<>();
        if (value != null) {
            value.forEach(element -> out.add(item.apply(element)));
        }
        return out;
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new OcppMappingException("unknown " + type.getSimpleName() + " '" + value + "'", e);
        }
    }

    static <E extends Enum<E>> E enumField(Class<E> type, JsonNode node, String name) {
        return enumValue(type, text(node, name));
    }

    static void put(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    static void put(ObjectNode node, String name, Integer value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    static void put(ObjectNode node, String name, Long value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    static void put(ObjectNode node, String name, Boolean value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    static void put(ObjectNode node, String name, BigDecimal value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    static void put(ObjectNode node, String name, Instant value) {
        if (value != null) {
            node.put(name, DateTimeFormatter.ISO_INSTANT.format(value));
        }
    }

    static void put(ObjectNode node, String name, Enum<?> value) {
        if (value != null) {
            node.put(name, value.name());
        }
    }

    static void put(ObjectNode node, String name, JsonNode value) {
        if (value != null && !value.isNull()) {
            node.set(name, value);
        }
    }

    /** Sets a non-empty array; leaves out an empty one (OCPP 2.x arrays have minItems 1). */
    static <T> void putArray(ObjectNode node, String name, List<T> items, Function<T, JsonNode> item) {
        if (items != null && !items.isEmpty()) {
            ArrayNode array = node.putArray(name);
            items.forEach(element -> array.add(item.apply(element)));
        }
    }
}
