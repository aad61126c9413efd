package dev.csms.ocpp.rpc;

import dev.csms.ocpp.OcppVersion;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The RPC framework error codes of CALLERROR (and 2.1 CALLRESULTERROR), with their wire spelling per version.
 *
 * <p>Each constant is one concept; {@link #wireName(OcppVersion)} gives the string a station of that version
 * expects. Two codes are spelled differently in 1.6 and stay so (OCPP-J 1.6 errata 5.2: "do not fix"):
 * {@link #FORMAT_VIOLATION} is {@code FormationViolation} in 1.6 and {@code FormatViolation} in 2.x,
 * {@link #OCCURRENCE_CONSTRAINT_VIOLATION} is {@code OccurenceConstraintViolation} in 1.6.
 * {@link #MESSAGE_TYPE_NOT_SUPPORTED} and {@link #RPC_FRAMEWORK_ERROR} exist only in 2.0.1 and 2.1.
 * The sets are OCPP-J 1.6 section 4.2.3 table 7 and OCPP 2.0.1 / 2.1 part 4 section 4.3 (2.1 equals 2.0.1).
 */
public enum RpcErrorCode {
    /** Payload for Action is syntactically incorrect (1.6: "or not conform the PDU structure for Action"). */
    FORMAT_VIOLATION("FormationViolation", "FormatViolation"),
    /** Any other error not covered by the more specific error codes. */
    GENERIC_ERROR("GenericError", "GenericError"),
    /** An internal error occurred and the receiver was not able to process the requested Action successfully. */
    INTERNAL_ERROR("InternalError", "InternalError"),
    /** (2.x) A message with a Message Type Number was received that is not supported by this implementation. */
    MESSAGE_TYPE_NOT_SUPPORTED(null, "MessageTypeNotSupported"),
    /** Requested Action is not known by receiver. */
    NOT_IMPLEMENTED("NotImplemented", "NotImplemented"),
    /** Requested Action is recognized but not supported by the receiver. */
    NOT_SUPPORTED("NotSupported", "NotSupported"),
    /** Payload is syntactically correct but at least one of the fields violates occurrence constraints. */
    OCCURRENCE_CONSTRAINT_VIOLATION("OccurenceConstraintViolation", "OccurrenceConstraintViolation"),
    /** Payload is syntactically correct but at least one field contains an invalid value. */
    PROPERTY_CONSTRAINT_VIOLATION("PropertyConstraintViolation", "PropertyConstraintViolation"),
    /** 1.6: payload for Action is incomplete; 2.x: payload for Action is not conform the PDU structure. */
    PROTOCOL_ERROR("ProtocolError", "ProtocolError"),
    /** (2.x) Content of the call is not a valid RPC request, for example: the message id could not be read. */
    RPC_FRAMEWORK_ERROR(null, "RpcFrameworkError"),
    /** A security issue prevented the receiver from completing the Action. */
    SECURITY_ERROR("SecurityError", "SecurityError"),
    /** Payload is syntactically correct but at least one field violates data type constraints. */
    TYPE_CONSTRAINT_VIOLATION("TypeConstraintViolation", "TypeConstraintViolation");

    private final String v16Name;
    private final String v2Name;

    RpcErrorCode(String v16Name, String v2Name) {
        this.v16Name = v16Name;
        this.v2Name = v2Name;
    }

    /** Whether the version defines this code. */
    public boolean isDefinedIn(OcppVersion version) {
        return name(version) != null;
    }

    /**
     * The exact {@code errorCode} string for the version.
     *
     * @throws IllegalArgumentException if the version has no such code (e.g. RpcFrameworkError in 1.6)
     */
    public String wireName(OcppVersion version) {
        String name = name(version);
        if (name == null) {
            throw new IllegalArgumentException(this + " is not an error code of OCPP " + version.label());
        }
        return name;
    }

    /** The code for an {@code errorCode} string as the version spells it (case-sensitive). */
    public static Optional<RpcErrorCode> fromWireName(OcppVersion version, String wireName) {
        return Arrays.stream(values()).filter(c -> wireName != null && wireName.equals(c.name(version))).findFirst();
    }

    /** Every code the version defines. */
    public static List<RpcErrorCode> codesOf(OcppVersion version) {
        return Arrays.stream(values()).filter(c -> c.isDefinedIn(version)).toList();
    }

    private String name(OcppVersion version) {
        return version.isTwoX() ? v2Name : v16Name;
    }
}
