package dev.csms.ocpp.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.csms.ocpp.OcppJson;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.rpc.CallError;
import dev.csms.ocpp.rpc.RpcErrorCode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OcppSchemaValidatorTest {

    private final OcppSchemaValidator validator = new OcppSchemaValidator();
    private final SchemaSamples samples = new SchemaSamples();
    private final ObjectMapper mapper = OcppJson.newObjectMapper();

    // ---------------------------------------------------------------- hand-written cases, one per kind

    @Test
    void v16ViolationsGetThe16Codes() throws Exception {
        assertInvalid(OcppVersion.V1_6, "BootNotification", MessageKind.REQUEST,
                "{\"chargePointVendor\":\"ACME\"}", "OccurenceConstraintViolation", "/chargePointModel");
        assertInvalid(OcppVersion.V1_6, "BootNotification", MessageKind.REQUEST,
                "{\"chargePointVendor\":\"" + "v".repeat(21) + "\",\"chargePointModel\":\"M\"}",
                "PropertyConstraintViolation", "/chargePointVendor");
        assertInvalid(OcppVersion.V1_6, "BootNotification", MessageKind.REQUEST,
                "{\"chargePointVendor\":\"ACME\",\"chargePointModel\":\"M\",\"colour\":\"red\"}",
                "FormationViolation", "/colour");
        assertInvalid(OcppVersion.V1_6, "Heartbeat", MessageKind.RESPONSE,
                "{\"currentTime\":12345}", "TypeConstraintViolation", "/currentTime");
        assertInvalid(OcppVersion.V1_6, "BootNotification", MessageKind.RESPONSE,
                "{\"status\":\"Maybe\",\"currentTime\":\"2025-01-02T03:04:05Z\",\"interval\":300}",
                "PropertyConstraintViolation", "/status");
        assertInvalid(OcppVersion.V1_6, "Heartbeat", MessageKind.RESPONSE,
                "{\"currentTime\":\"yesterday\"}", "PropertyConstraintViolation", "/currentTime");
        assertInvalid(OcppVersion.V1_6, "StartTransaction", MessageKind.REQUEST,
                "{\"connectorId\":1.5,\"idTag\":\"T\",\"meterStart\":0,\"timestamp\":\"2025-01-02T03:04:05Z\"}",
                "TypeConstraintViolation", "/connectorId");
    }

    @ParameterizedTest
    @EnumSource(value = OcppVersion.class, names = {"V2_0_1", "V2_1"})
    void twoXViolationsGetThe2xCodesWithNestedPointers(OcppVersion version) throws Exception {
        String station = "{\"model\":\"M\",\"vendorName\":\"ACME\"}";
        assertInvalid(version, "BootNotification", MessageKind.REQUEST,
                "{\"reason\":\"PowerUp\",\"chargingStation\":{\"vendorName\":\"ACME\"}}",
                "OccurrenceConstraintViolation", "/chargingStation/model");
        assertInvalid(version, "BootNotification", MessageKind.REQUEST,
                "{\"reason\":\"PowerUp\",\"chargingStation\":{\"model\":\"M\",\"vendorName\":\"ACME\",\"x\":1}}",
                "FormatViolation", "/chargingStation/x");
        assertInvalid(version, "BootNotification", MessageKind.REQUEST,
                "{\"reason\":\"Bored\",\"chargingStation\":" + station + "}", "PropertyConstraintViolation", "/reason");
        assertInvalid(version, "BootNotification", MessageKind.REQUEST,
                "{\"reason\":\"PowerUp\",\"chargingStation\":\"ACME\"}", "TypeConstraintViolation", "/chargingStation");
        assertInvalid(version, "BootNotification", MessageKind.REQUEST,
                "{\"reason\":\"PowerUp\",\"chargingStation\":{\"model\":\"" + "m".repeat(21) + "\",\"vendorName\":\"A\"}}",
                "PropertyConstraintViolation", "/chargingStation/model");
        // minItems: 1 is an occurrence constraint.
        assertInvalid(version, "GetVariables", MessageKind.REQUEST, "{\"getVariableData\":[]}",
                "OccurrenceConstraintViolation", "/getVariableData");
        // customData is the one open class: vendor properties are allowed there.
        assertThat(validate(version, "BootNotification", MessageKind.REQUEST,
                "{\"reason\":\"PowerUp\",\"chargingStation\":" + station
                        + ",\"customData\":{\"vendorId\":\"acme\",\"anything\":[1,2]}}").isValid()).isTrue();
    }

    @Test
    void reportsTheMostStructuralViolationFirstAndKeepsAll() throws Exception {
        // Wrong type and not in the enum at once: the type is reported.
        ValidationResult result = validate(OcppVersion.V2_0_1, "BootNotification", MessageKind.REQUEST,
                "{\"reason\":7,\"chargingStation\":{\"model\":\"M\",\"vendorName\":\"A\"},\"extra\":true}");

        assertThat(result.wireCode()).contains("FormatViolation");
        assertThat(result.field()).contains("/extra");
        assertThat(result.violations()).extracting(ValidationResult.Violation::code)
                .contains(RpcErrorCode.FORMAT_VIOLATION, RpcErrorCode.TYPE_CONSTRAINT_VIOLATION);
    }

    @Test
    void unknownActionsAreNotImplemented() {
        for (OcppVersion version : OcppVersion.values()) {
            ValidationResult result = validator.validate(version, "MakeCoffee", MessageKind.REQUEST,
                    mapper.createObjectNode());

            assertThat(result.isUnknownAction()).isTrue();
            assertThat(result.isValid()).isFalse();
            assertThat(result.errorCode()).contains(RpcErrorCode.NOT_IMPLEMENTED);
            assertThat(result.wireCode()).contains("NotImplemented");
        }
        assertThat(validator.validate(OcppVersion.V2_0_1, "RemoteStartTransaction", MessageKind.REQUEST,
                mapper.createObjectNode()).isUnknownAction()).isTrue();
        assertThat(validator.validate(OcppVersion.V2_1, "NotifyPeriodicEventStream", MessageKind.RESPONSE,
                mapper.createObjectNode()).isUnknownAction()).isTrue();
        assertThat(validator.validate(OcppVersion.V1_6, null, MessageKind.REQUEST, null).isUnknownAction()).isTrue();
    }

    @Test
    void aPayloadThatIsNotAnObjectIsATypeViolation() {
        ValidationResult result = validator.validate(OcppVersion.V1_6, "Heartbeat", MessageKind.REQUEST, null);

        assertThat(result.wireCode()).contains("TypeConstraintViolation");
        assertThat(result.field()).contains("");
    }

    @Test
    void buildsTheCallErrorThatAnswersAnInvalidCall() throws Exception {
        ValidationResult result = validate(OcppVersion.V1_6, "Authorize", MessageKind.REQUEST, "{}");

        CallError error = result.toCallError("42");

        assertThat(error.messageId()).isEqualTo("42");
        assertThat(error.errorCode()).isEqualTo("OccurenceConstraintViolation");
        assertThat(error.errorDetails().get("field").asText()).isEqualTo("/idTag");
        assertThat(error.errorDescription()).contains("idTag");
    }

    // ---------------------------------------------------------------- every schema, every constraint kind

    /** A constraint kind, how to break a field of it, and the code expected. */
    enum Breakage {
        MISSING_REQUIRED(RpcErrorCode.OCCURRENCE_CONSTRAINT_VIOLATION),
        WRONG_TYPE(RpcErrorCode.TYPE_CONSTRAINT_VIOLATION),
        TOO_LONG(RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION),
        NOT_IN_ENUM(RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION),
        ADDITIONAL_PROPERTY(RpcErrorCode.FORMAT_VIOLATION);

        final RpcErrorCode code;

        Breakage(RpcErrorCode code) {
            this.code = code;
        }
    }

    private final Map<Breakage, Integer> applied = new EnumMap<>(Breakage.class);

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("dev.csms.ocpp.schema.SchemaSamplesTest#everySchema")
    void everyKindOfViolationInEverySchemaGetsItsCode(OcppVersion version, String action, MessageKind kind,
            OcppAction info) {
        JsonNode schema = samples.schema(version, action, kind);
        for (Breakage breakage : Breakage.values()) {
            ObjectNode payload = samples.full(version, action, kind);
            Optional<String> field = breakIt(breakage, schema, payload);
            if (field.isEmpty()) {
                continue;
            }
            synchronized (applied) {
                applied.merge(breakage, 1, Integer::sum);
            }
            ValidationResult result = validator.validate(version, action, kind, payload);

            assertThat(result.errorCode()).as("%s in %s %s %s: %s", breakage, version, action, kind, result)
                    .contains(breakage.code);
            assertThat(result.wireCode()).contains(breakage.code.wireName(version));
            assertThat(result.field()).as("%s: %s", breakage, result).contains(field.get());
        }
    }

    @Test
    void theBreakagesReachManySchemas() {
        // Runs the parameterized test's logic over all schemas again to count, independent of test order.
        applied.clear();
        SchemaSamplesTest.everySchema().forEach(args -> everyKindOfViolationInEverySchemaGetsItsCode(
                (OcppVersion) args.get()[0], (String) args.get()[1], (MessageKind) args.get()[2],
                (OcppAction) args.get()[3]));

        // Of the 387 schemas: every one forbids additional properties; the rest have no field of that kind
        // (e.g. HeartbeatRequest is empty).
        assertThat(applied).containsExactlyInAnyOrderEntriesOf(Map.of(
                Breakage.ADDITIONAL_PROPERTY, 387,
                Breakage.MISSING_REQUIRED, 373,
                Breakage.WRONG_TYPE, 371,
                Breakage.TOO_LONG, 333,
                Breakage.NOT_IN_ENUM, 250));
    }

    /** Breaks one field of the payload in place; returns its JSON pointer, or empty if the schema has none. */
    private Optional<String> breakIt(Breakage breakage, JsonNode schema, ObjectNode payload) {
        if (breakage == Breakage.ADDITIONAL_PROPERTY) {
            payload.put("unexpectedProperty", 1);
            return Optional.of("/unexpectedProperty");
        }
        List<Field> fields = new ArrayList<>();
        collect(schema, schema, payload, "", fields);
        for (Field f : fields) {
            JsonNode s = f.schema();
            switch (breakage) {
                case MISSING_REQUIRED -> {
                    if (f.required()) {
                        f.parent().remove(f.name());
                        return Optional.of(f.pointer());
                    }
                }
                case WRONG_TYPE -> {
                    if ("string".equals(s.path("type").asText())) {
                        f.parent().set(f.name(), IntNode.valueOf(12));
                        return Optional.of(f.pointer());
                    }
                }
                case TOO_LONG -> {
                    if (s.has("maxLength") && !s.has("enum") && !s.has("format")) {
                        f.parent().set(f.name(), TextNode.valueOf("y".repeat(s.get("maxLength").asInt() + 1)));
                        return Optional.of(f.pointer());
                    }
                }
                case NOT_IN_ENUM -> {
                    if (s.has("enum") && "string".equals(s.path("type").asText())) {
                        f.parent().set(f.name(), TextNode.valueOf("NotAValueOfThisEnum"));
                        return Optional.of(f.pointer());
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
        return Optional.empty();
    }

    private record Field(String pointer, String name, ObjectNode parent, JsonNode schema, boolean required) {
    }

    /** Every property present in the instance, depth first, with its resolved schema (arrays: element 0). */
    private static void collect(JsonNode root, JsonNode schema, JsonNode instance, String pointer, List<Field> out) {
        schema = resolve(root, schema);
        if (instance instanceof ObjectNode object) {
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            schema.path("properties").fields().forEachRemaining(p -> {
                if (object.has(p.getKey())) {
                    JsonNode propertySchema = resolve(root, p.getValue());
                    String path = pointer + "/" + p.getKey();
                    out.add(new Field(path, p.getKey(), object, propertySchema, required.contains(p.getKey())));
                    collect(root, propertySchema, object.get(p.getKey()), path, out);
                }
            });
        } else if (instance.isArray() && !instance.isEmpty() && schema.has("items")) {
            collect(root, schema.get("items"), instance.get(0), pointer + "/0", out);
        }
    }

    private static JsonNode resolve(JsonNode root, JsonNode schema) {
        while (schema.has("$ref")) {
            schema = root.at(schema.get("$ref").asText().substring(1));
        }
        return schema;
    }

    // ---------------------------------------------------------------- concurrency

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        ObjectNode valid = samples.full(OcppVersion.V2_1, "TransactionEvent", MessageKind.REQUEST);
        ObjectNode invalid = valid.deepCopy();
        invalid.remove("eventType");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                tasks.add(() -> {
                    for (int i = 0; i < 200; i++) {
                        boolean ok = validator.validate(OcppVersion.V2_1, "TransactionEvent", MessageKind.REQUEST, valid)
                                .isValid();
                        ValidationResult bad = validator.validate(OcppVersion.V2_1, "TransactionEvent",
                                MessageKind.REQUEST, invalid);
                        if (!ok || !bad.field().equals(Optional.of("/eventType"))) {
                            return false;
                        }
                    }
                    return true;
                });
            }
            for (Future<Boolean> result : pool.invokeAll(tasks)) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    // ---------------------------------------------------------------- helpers

    private ValidationResult validate(OcppVersion version, String action, MessageKind kind, String json)
            throws Exception {
        return validator.validate(version, action, kind, mapper.readTree(json));
    }

    private void assertInvalid(OcppVersion version, String action, MessageKind kind, String json, String wireCode,
            String field) throws Exception {
        ValidationResult result = validate(version, action, kind, json);
        assertThat(result.status()).as("%s %s", action, json).isEqualTo(ValidationResult.Status.INVALID);
        assertThat(result.wireCode()).as("%s", result).contains(wireCode);
        assertThat(result.field()).as("%s", result).contains(field);
        assertThat(result.message()).isNotBlank();
    }
}
