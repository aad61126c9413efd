package dev.csms.ocpp.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.schema.MessageKind;
import dev.csms.ocpp.schema.SchemaSamples;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * Full samples whose free values all differ. {@link SchemaSamples#full} writes the same filler into every string
 * of a length, the same date-time everywhere and the same number into similar fields; a mapping that swaps two
 * fields (evseId and connectorId, startTime and stopTime) or takes one for another would then go unnoticed. Here
 * every string of filler, every date-time and every integer or decimal without an upper bound gets a value of its
 * own; lengths, bounds and steps are kept, so the sample stays valid. Enumerations and booleans are kept.
 */
final class DistinctSamples {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final Instant SAMPLE_TIME = Instant.parse(SchemaSamples.SAMPLE_DATE_TIME);

    private final JsonNode root;
    private int counter;

    private DistinctSamples(JsonNode root) {
        this.root = root;
    }

    static ObjectNode full(SchemaSamples samples, OcppVersion version, String action, MessageKind kind) {
        ObjectNode sample = samples.full(version, action, kind);
        JsonNode schema = samples.schema(version, action, kind);
        new DistinctSamples(schema).visit(sample, schema);
        return sample;
    }

    private JsonNode resolve(JsonNode schema) {
        while (schema.has("$ref")) {
            schema = root.at(schema.get("$ref").asText().substring(1));
        }
        return schema;
    }

    private void visit(JsonNode node, JsonNode schema) {
        schema = resolve(schema);
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode fieldSchema = schema.path("properties").path(field.getKey());
                if (field.getValue().isContainerNode()) {
                    visit(field.getValue(), fieldSchema);
                } else {
                    field.setValue(distinct(field.getValue(), resolve(fieldSchema)));
                }
            }
        } else if (node instanceof ArrayNode array) {
            JsonNode items = schema.path("items");
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isContainerNode()) {
                    visit(array.get(i), items);
                } else {
                    array.set(i, distinct(array.get(i), resolve(items)));
                }
            }
        }
    }

    private JsonNode distinct(JsonNode value, JsonNode schema) {
        if (schema.has("enum") || schema.isMissingNode()) {
            return value;
        }
        if (value.isTextual()) {
            String text = value.textValue();
            if (text.equals(SchemaSamples.SAMPLE_DATE_TIME)) {
                return NODES.textNode(SAMPLE_TIME.plusSeconds(60L * ++counter).toString());
            }
            String id = Integer.toString(++counter, 36);
            boolean filler = !text.isEmpty() && text.chars().allMatch(c -> c == 'x');
            return filler && id.length() <= text.length()
                    ? NODES.textNode("x".repeat(text.length() - id.length()) + id) : value;
        }
        if (!value.isNumber() || schema.has("maximum") || schema.has("exclusiveMaximum")) {
            return value;
        }
        BigDecimal minimum = schema.has("minimum") ? schema.get("minimum").decimalValue() : BigDecimal.ZERO;
        if (value.isIntegralNumber()) {
            return schema.has("multipleOf") ? value
                    : NODES.numberNode(minimum.max(BigDecimal.ZERO).intValue() + 100 + ++counter);
        }
        BigDecimal candidate = minimum.max(BigDecimal.ZERO).add(new BigDecimal(++counter + ".5"));
        boolean onStep = !schema.has("multipleOf")
                || candidate.remainder(schema.get("multipleOf").decimalValue()).signum() == 0;
        return onStep ? NODES.numberNode(candidate) : value;
    }
}
