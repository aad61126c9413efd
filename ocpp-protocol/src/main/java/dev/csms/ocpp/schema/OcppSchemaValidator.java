package dev.csms.ocpp.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.ValidationMessage;
import dev.csms.ocpp.OcppJson;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.rpc.RpcErrorCode;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Validates OCPP payloads against the official schemas of their version and maps every violation to the
 * version's RPC error code.
 *
 * <p>Every schema of every version is compiled once, in the constructor (0.3 s warm, up to 3 s on a cold, busy
 * JVM: do it at startup, not on an event loop); {@link #validate} then only evaluates, is thread-safe and
 * allocates little. The 1.6 core schemas are draft-04 (identified by {@code id}), the 1.6 security ones and
 * all 2.x draft-06 ({@code $id}); all {@code $ref}s are local ({@code #/definitions/...}) and resolve inside
 * their document.
 *
 * <p>Mapping (docs/ocpp-protocol.md):
 * <table>
 *   <caption>Schema keyword to error code</caption>
 *   <tr><th>keyword</th><th>code (1.6 / 2.x spelling)</th></tr>
 *   <tr><td>additionalProperties</td><td>FormationViolation / FormatViolation</td></tr>
 *   <tr><td>required, minItems, maxItems</td><td>OccurenceConstraintViolation / OccurrenceConstraintViolation</td></tr>
 *   <tr><td>type</td><td>TypeConstraintViolation</td></tr>
 *   <tr><td>enum, maxLength, minLength, minimum, maximum, multipleOf, pattern, format, anything else</td>
 *       <td>PropertyConstraintViolation</td></tr>
 *   <tr><td>unknown action</td><td>NotImplemented</td></tr>
 * </table>
 */
public final class OcppSchemaValidator {

    private static final String DRAFT_04 = "http://json-schema.org/draft-04/schema#";
    private static final String DRAFT_06 = "http://json-schema.org/draft-06/schema#";

    /** Keywords the OCA schemas carry that mean nothing to validation (code generation hints, comments). */
    private static final List<NonValidationKeyword> OCA_ANNOTATIONS =
            List.of(new NonValidationKeyword("javaType"), new NonValidationKeyword("comment"));

    private final Map<OcppVersion, Map<String, JsonSchema>> requests = new EnumMap<>(OcppVersion.class);
    private final Map<OcppVersion, Map<String, JsonSchema>> responses = new EnumMap<>(OcppVersion.class);

    /** Compiles every schema of {@link OcppActions#catalog()}. */
    public OcppSchemaValidator() {
        this(OcppActions.catalog());
    }

    /** Compiles every schema of the given catalog. */
    public OcppSchemaValidator(OcppActions actions) {
        ObjectMapper mapper = OcppJson.newObjectMapper();
        JsonSchemaFactory factory = JsonSchemaFactory.builder()
                .defaultMetaSchemaIri(DRAFT_06)
                .metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV4()).keywords(OCA_ANNOTATIONS).build())
                .metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV6()).keywords(OCA_ANNOTATIONS).build())
                .build();
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                // Assert "format" (date-time, uri): the drafts leave it optional; OCPP means it.
                .formatAssertionsEnabled(true)
                .build();
        for (OcppVersion version : OcppVersion.values()) {
            Map<String, JsonSchema> req = new HashMap<>();
            Map<String, JsonSchema> res = new HashMap<>();
            for (OcppAction action : actions.actions(version)) {
                req.put(action.name(), compile(factory, config, mapper, action.schemaResource(MessageKind.REQUEST)
                        .orElseThrow()));
                action.schemaResource(MessageKind.RESPONSE)
                        .ifPresent(resource -> res.put(action.name(), compile(factory, config, mapper, resource)));
            }
            requests.put(version, Map.copyOf(req));
            responses.put(version, Map.copyOf(res));
        }
    }

    private static JsonSchema compile(JsonSchemaFactory factory, SchemaValidatorsConfig config, ObjectMapper mapper,
            String resource) {
        JsonNode node = SchemaFiles.read(mapper, resource);
        String dialect = node.path("$schema").asText();
        if (!DRAFT_04.equals(dialect) && !DRAFT_06.equals(dialect)) {
            throw new IllegalStateException(resource + " declares unsupported $schema '" + dialect + "'");
        }
        JsonSchema schema = factory.getSchema(SchemaLocation.of("classpath:" + resource), node, config);
        schema.initializeValidators();
        return schema;
    }

    /**
     * Validates a payload.
     *
     * @param version the version of the connection
     * @param action  the action, e.g. {@code BootNotification}
     * @param kind    request (CALL / SEND payload) or response (CALLRESULT payload)
     * @param payload the payload; null counts as JSON null
     * @return valid, invalid with code and field, or unknown action
     */
    public ValidationResult validate(OcppVersion version, String action, MessageKind kind, JsonNode payload) {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(kind, "kind");
        JsonSchema schema = action == null ? null
                : (kind == MessageKind.REQUEST ? requests : responses).get(version).get(action);
        if (schema == null) {
            return ValidationResult.unknownAction(version, String.valueOf(action), kind);
        }
        Set<ValidationMessage> messages = schema.validate(payload == null ? NullNode.getInstance() : payload);
        if (messages.isEmpty()) {
            return ValidationResult.valid(version, action, kind);
        }
        List<ValidationResult.Violation> violations = messages.stream()
                .map(OcppSchemaValidator::violation)
                .sorted(Comparator.comparingInt((ValidationResult.Violation v) -> severity(v.code()))
                        .thenComparing(ValidationResult.Violation::field))
                .toList();
        return ValidationResult.invalid(version, action, kind, violations);
    }

    /** Whether the version has a schema for the action and kind. */
    public boolean hasSchema(OcppVersion version, String action, MessageKind kind) {
        return (kind == MessageKind.REQUEST ? requests : responses).get(version).containsKey(action);
    }

    private static ValidationResult.Violation violation(ValidationMessage message) {
        String keyword = message.getType();
        String field = message.getInstanceLocation().toString();
        // required and additionalProperties are reported on the object; point at the property itself.
        if (("required".equals(keyword) || "additionalProperties".equals(keyword)) && message.getProperty() != null) {
            field = field + "/" + message.getProperty().replace("~", "~0").replace("/", "~1");
        }
        return new ValidationResult.Violation(codeFor(keyword), keyword, field, message.getMessage());
    }

    static RpcErrorCode codeFor(String keyword) {
        return switch (keyword) {
            case "additionalProperties" -> RpcErrorCode.FORMAT_VIOLATION;
            case "required", "minItems", "maxItems" -> RpcErrorCode.OCCURRENCE_CONSTRAINT_VIOLATION;
            case "type" -> RpcErrorCode.TYPE_CONSTRAINT_VIOLATION;
            default -> RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION;
        };
    }

    private static int severity(RpcErrorCode code) {
        return switch (code) {
            case FORMAT_VIOLATION -> 0;
            case OCCURRENCE_CONSTRAINT_VIOLATION -> 1;
            case TYPE_CONSTRAINT_VIOLATION -> 2;
            default -> 3;
        };
    }
}
