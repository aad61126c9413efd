package dev.csms.ocpp.rpc;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import java.util.Objects;
import java.util.Optional;

/**
 * A CALLERROR {@code [4, messageId, errorCode, errorDescription, errorDetails]}: a CALL could not be handled.
 *
 * <p>The error code is kept as the wire string, so that a code a station sends which its version does not
 * define is still visible; {@link #code(OcppVersion)} maps it to {@link RpcErrorCode}. Build outgoing errors
 * with {@link #of(OcppVersion, String, RpcErrorCode, String, ObjectNode)} so the spelling matches the version.
 *
 * @param messageId        the id of the CALL that failed, or {@code "-1"} when it could not be read
 * @param errorCode        the error code as written on the wire
 * @param errorDescription a human-readable description (may be empty)
 * @param errorDetails     further details (a JSON object, {@code {}} when there are none)
 */
public record CallError(String messageId, String errorCode, String errorDescription, ObjectNode errorDetails)
        implements RpcMessage {

    /** Rejects a missing id or code; a missing description becomes empty, missing details {@code {}}. */
    public CallError {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(errorCode, "errorCode");
        errorDescription = errorDescription == null ? "" : errorDescription;
        errorDetails = errorDetails == null ? JsonNodeFactory.instance.objectNode() : errorDetails;
    }

    /**
     * A CALLERROR with the version's spelling of the code.
     *
     * @throws IllegalArgumentException if the version does not define the code
     */
    public static CallError of(OcppVersion version, String messageId, RpcErrorCode code, String description,
            ObjectNode details) {
        return new CallError(messageId, code.wireName(version), description, details);
    }

    /** The error code as the version defines it, empty if the wire string is not one of its codes. */
    public Optional<RpcErrorCode> code(OcppVersion version) {
        return RpcErrorCode.fromWireName(version, errorCode);
    }

    @Override
    public MessageType type() {
        return MessageType.CALL_ERROR;
    }
}
