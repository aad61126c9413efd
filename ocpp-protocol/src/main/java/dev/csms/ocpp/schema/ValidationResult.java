package dev.csms.ocpp.schema;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.rpc.CallError;
import dev.csms.ocpp.rpc.RpcErrorCode;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link OcppSchemaValidator#validate}: valid, invalid (with the version's error code, the
 * offending field and a message), or unknown action.
 *
 * <p>When a payload has several violations, the reported one is chosen by kind, most structural first:
 * an unexpected property, then a missing field or wrong array size, then a wrong type, then a wrong value;
 * all of them are in {@link #violations()}.
 */
public final class ValidationResult {

    /** The three outcomes. */
    public enum Status {
        /** The payload is valid against the action's schema. */
        VALID,
        /** The payload violates the schema. */
        INVALID,
        /** The version has no such action (or no schema of that kind for it). */
        UNKNOWN_ACTION
    }

    /**
     * One schema violation.
     *
     * @param code    the error code it maps to
     * @param keyword the JSON Schema keyword that failed, e.g. {@code maxLength}
     * @param field   JSON pointer to the offending field ({@code ""} is the payload itself); for a missing or
     *                unexpected property, the pointer of that property
     * @param message what is wrong, for people
     */
    public record Violation(RpcErrorCode code, String keyword, String field, String message) {
    }

    private final OcppVersion version;
    private final String action;
    private final MessageKind kind;
    private final Status status;
    private final RpcErrorCode code;
    private final String field;
    private final String message;
    private final List<Violation> violations;

    private ValidationResult(OcppVersion version, String action, MessageKind kind, Status status, RpcErrorCode code,
            String field, String message, List<Violation> violations) {
        this.version = Objects.requireNonNull(version);
        this.action = Objects.requireNonNull(action);
        this.kind = Objects.requireNonNull(kind);
        this.status = status;
        this.code = code;
        this.field = field;
        this.message = message;
        this.violations = List.copyOf(violations);
    }

    static ValidationResult valid(OcppVersion version, String action, MessageKind kind) {
        return new ValidationResult(version, action, kind, Status.VALID, null, null, "valid", List.of());
    }

    static ValidationResult unknownAction(OcppVersion version, String action, MessageKind kind) {
        String message = "OCPP " + version.label() + " has no " + kind.name().toLowerCase(Locale.ROOT)
                + " for action '" + action + "'";
        return new ValidationResult(version, action, kind, Status.UNKNOWN_ACTION, RpcErrorCode.NOT_IMPLEMENTED, null,
                message, List.of());
    }

    static ValidationResult invalid(OcppVersion version, String action, MessageKind kind, List<Violation> violations) {
        Violation first = violations.get(0);
        return new ValidationResult(version, action, kind, Status.INVALID, first.code(), first.field(),
                first.message(), violations);
    }

    /** The version validated against. */
    public OcppVersion version() {
        return version;
    }

    /** The action validated. */
    public String action() {
        return action;
    }

    /** Request or response. */
    public MessageKind kind() {
        return kind;
    }

    /** Valid, invalid or unknown action. */
    public Status status() {
        return status;
    }

    /** True when the payload is valid. */
    public boolean isValid() {
        return status == Status.VALID;
    }

    /** True when the version has no such action (a CALL for it is answered with NotImplemented). */
    public boolean isUnknownAction() {
        return status == Status.UNKNOWN_ACTION;
    }

    /** The error code to answer with; empty when valid. Unknown action: {@link RpcErrorCode#NOT_IMPLEMENTED}. */
    public Optional<RpcErrorCode> errorCode() {
        return Optional.ofNullable(code);
    }

    /** The error code as the version spells it, e.g. {@code OccurenceConstraintViolation} in 1.6. */
    public Optional<String> wireCode() {
        return errorCode().map(c -> c.wireName(version));
    }

    /** JSON pointer to the offending field of the reported violation; empty when valid or unknown action. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** What is wrong (or "valid"). */
    public String message() {
        return message;
    }

    /** Every violation found, the reported one first; empty unless {@link Status#INVALID}. */
    public List<Violation> violations() {
        return violations;
    }

    /**
     * The CALLERROR that answers a CALL with this payload, with {@code {"field": pointer}} as details.
     *
     * @throws IllegalStateException if the payload is valid
     */
    public CallError toCallError(String messageId) {
        if (code == null) {
            throw new IllegalStateException("a valid payload has no CALLERROR");
        }
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        if (field != null) {
            details.put("field", field);
        }
        return CallError.of(version, messageId, code, message, details);
    }

    @Override
    public String toString() {
        return status == Status.VALID
                ? "ValidationResult[VALID " + version.label() + " " + action + " " + kind + "]"
                : "ValidationResult[" + status + " " + version.label() + " " + action + " " + kind + ": "
                        + wireCode().orElse("") + " at '" + (field == null ? "" : field) + "': " + message + "]";
    }
}
