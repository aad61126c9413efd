package dev.csms.ocpp.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppJson;
import dev.csms.ocpp.OcppVersion;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds valid example payloads from a schema: a <em>minimal</em> one (required fields only, smallest allowed
 * values) and a <em>full</em> one (every property, largest allowed values). For tests, the simulator and load
 * generators; not for production traffic.
 *
 * <p>Values respect {@code type}, {@code enum} (minimal takes the first value, full the last), {@code minimum} /
 * {@code maximum} / {@code multipleOf}, {@code minLength} / {@code maxLength} (full strings are exactly
 * {@code maxLength} long), {@code minItems} / {@code maxItems} (full arrays have at least one element) and the
 * formats {@code date-time} and {@code uri}. Local {@code $ref}s ({@code #/...}) are followed. The OCPP
 * schemas use no other constraints. Thread-safe; schemas are read once and cached.
 */
public final class SchemaSamples {

    /** The date-time every sample uses (UTC, no fraction, so that it survives a round trip unchanged). */
    public static final String SAMPLE_DATE_TIME = "2025-01-02T03:04:05Z";

    private static final String SAMPLE_URI = "https://csms.example/files/sample";
    private static final int MAX_DEPTH = 32;

    private final OcppActions actions;
    private final ObjectMapper mapper = OcppJson.newObjectMapper();
    private final Map<String, JsonNode> schemas = new ConcurrentHashMap<>();

    /** Samples for the schemas of {@link OcppActions#catalog()}. */
    public SchemaSamples() {
        this(OcppActions.catalog());
    }

    /** Samples for the schemas of the given catalog. */
    public SchemaSamples(OcppActions actions) {
        this.actions = actions;
    }

    /**
     * A minimal valid payload for an action.
     *
     * @throws IllegalArgumentException if the version has no such action or schema of that kind
     */
    public ObjectNode minimal(OcppVersion version, String action, MessageKind kind) {
        return (ObjectNode) minimal(schema(version, action, kind));
    }

    /**
     * A payload with every property of the action's schema set.
     *
     * @throws IllegalArgumentException if the version has no such action or schema of that kind
     */
    public ObjectNode full(OcppVersion version, String action, MessageKind kind) {
        return (ObjectNode) full(schema(version, action, kind));
    }

    /** The official schema of an action, as a JSON tree (a copy: callers may change it). */
    public JsonNode schema(OcppVersion version, String action, MessageKind kind) {
        String resource = actions.find(version, action)
                .flatMap(a -> a.schemaResource(kind))
                .orElseThrow(() -> new IllegalArgumentException(
                        "OCPP " + version.label() + " has no " + kind + " schema for '" + action + "'"));
        return schemas.computeIfAbsent(resource, r -> SchemaFiles.read(mapper, r)).deepCopy();
    }

    /** A minimal valid instance of any schema document (its {@code $ref}s must be local). */
    public static JsonNode minimal(JsonNode schemaDocument) {
        return new Generator(schemaDocument, false).generate(schemaDocument, 0);
    }

    /** An instance of any schema document with every property set. */
    public static JsonNode full(JsonNode schemaDocument) {
        return new Generator(schemaDocument, true).generate(schemaDocument, 0);
    }

    private static final class Generator {
        private final JsonNode root;
        private final boolean full;
        private final JsonNodeFactory nodes = JsonNodeFactory.withExactBigDecimals(true);

        Generator(JsonNode root, boolean full) {
            this.root = root;
            this.full = full;
        }

        JsonNode generate(JsonNode schema, int depth) {
            schema = resolve(schema);
            JsonNode values = schema.get("enum");
            if (values != null && values.isArray() && !values.isEmpty()) {
                return (full ? values.get(values.size() - 1) : values.get(0)).deepCopy();
            }
            return switch (type(schema)) {
                case "object" -> object(schema, depth);
                case "array" -> array(schema, depth);
                case "integer" -> integer(number(schema, true));
                case "number" -> nodes.numberNode(number(schema, false));
                case "boolean" -> nodes.booleanNode(full);
                case "null" -> nodes.nullNode();
                default -> nodes.textNode(string(schema));
            };
        }

        private JsonNode integer(BigDecimal value) {
            long exact = value.longValueExact();
            return exact == (int) exact ? nodes.numberNode((int) exact) : nodes.numberNode(exact);
        }

        private JsonNode resolve(JsonNode schema) {
            Set<String> seen = new HashSet<>();
            while (schema.has("$ref")) {
                String ref = schema.get("$ref").asText();
                if (!ref.startsWith("#") || !seen.add(ref)) {
                    throw new IllegalArgumentException("unsupported or cyclic $ref " + ref);
                }
                schema = root.at(ref.substring(1));
                if (schema.isMissingNode()) {
                    throw new IllegalArgumentException("unresolvable $ref " + ref);
                }
            }
            return schema;
        }

        private static String type(JsonNode schema) {
            JsonNode type = schema.get("type");
            if (type != null && type.isTextual()) {
                return type.asText();
            }
            if (type != null && type.isArray()) {
                for (JsonNode t : type) {
                    if (!"null".equals(t.asText())) {
                        return t.asText();
                    }
                }
            }
            if (schema.has("properties")) {
                return "object";
            }
            return schema.has("items") ? "array" : "string";
        }

        private ObjectNode object(JsonNode schema, int depth) {
            ObjectNode result = nodes.objectNode();
            Set<String> required = new HashSet<>();
            schema.path("required").forEach(name -> required.add(name.asText()));
            JsonNode properties = schema.path("properties");
            // Deep in a recursive schema, stop adding optional properties so generation ends.
            boolean all = full && depth < MAX_DEPTH;
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                if (all || required.contains(property.getKey())) {
                    result.set(property.getKey(), generate(property.getValue(), depth + 1));
                }
            }
            for (String name : required) {
                if (!result.has(name)) {
                    result.put(name, "sample");
                }
            }
            return result;
        }

        private ArrayNode array(JsonNode schema, int depth) {
            int min = schema.path("minItems").asInt(0);
            int count = full ? Math.max(min, 1) : min;
            if (schema.has("maxItems")) {
                count = Math.min(count, schema.get("maxItems").asInt());
            }
            ArrayNode result = nodes.arrayNode();
            JsonNode items = schema.path("items");
            for (int i = 0; i < count; i++) {
                result.add(items.isObject() ? generate(items, depth + 1) : nodes.textNode("sample"));
            }
            return result;
        }

        private BigDecimal number(JsonNode schema, boolean integer) {
            BigDecimal min = bound(schema, "minimum", "exclusiveMinimum", BigDecimal.ONE);
            BigDecimal max = bound(schema, "maximum", "exclusiveMaximum", BigDecimal.ONE.negate());
            BigDecimal step = schema.has("multipleOf") ? schema.get("multipleOf").decimalValue()
                    : integer ? BigDecimal.ONE : null;
            BigDecimal value;
            if (full) {
                // The largest allowed value, or a value with a fraction where decimals are allowed.
                value = max != null ? max : (min != null ? min : BigDecimal.ZERO).add(new BigDecimal("1.5"));
            } else {
                value = min != null && min.signum() > 0 ? min : max != null && max.signum() < 0 ? max : BigDecimal.ZERO;
            }
            if (step != null) {
                RoundingMode mode = full && max != null ? RoundingMode.FLOOR : RoundingMode.CEILING;
                value = value.divide(step, 0, mode).multiply(step);
            }
            return integer ? value.setScale(0, RoundingMode.UNNECESSARY) : value.stripTrailingZeros();
        }

        /**
         * An inclusive bound: draft-06 writes exclusive bounds as numbers, draft-04 as a boolean next to
         * minimum/maximum. {@code outward} is the unit step from an exclusive bound into the allowed range.
         */
        private static BigDecimal bound(JsonNode schema, String inclusive, String exclusive, BigDecimal outward) {
            JsonNode exclusiveNode = schema.get(exclusive);
            if (exclusiveNode != null && exclusiveNode.isNumber()) {
                return exclusiveNode.decimalValue().add(outward);
            }
            JsonNode value = schema.get(inclusive);
            if (value == null) {
                return null;
            }
            boolean draft4Exclusive = exclusiveNode != null && exclusiveNode.asBoolean();
            return draft4Exclusive ? value.decimalValue().add(outward) : value.decimalValue();
        }

        private String string(JsonNode schema) {
            int maxLength = schema.path("maxLength").asInt(Integer.MAX_VALUE);
            int minLength = schema.path("minLength").asInt(0);
            String format = schema.path("format").asText("");
            if ("date-time".equals(format)) {
                return SAMPLE_DATE_TIME;
            }
            if ("uri".equals(format)) {
                return SAMPLE_URI.length() <= maxLength ? SAMPLE_URI : "a:b";
            }
            int length = full ? (maxLength == Integer.MAX_VALUE ? Math.max(minLength, 16) : maxLength)
                    : Math.min(Math.max(minLength, 1), maxLength);
            return "x".repeat(length);
        }
    }
}
