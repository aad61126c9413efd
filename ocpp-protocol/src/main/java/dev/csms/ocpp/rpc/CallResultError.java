package dev.csms.ocpp.rpc;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import java.util.Objects;
import java.util.Optional;

/**
 * A CALLRESULTERROR {@code [5, messageId, errorCode, errorDescription, errorDetails]} (OCPP 2.1 only):
 * the receiver of a CALLRESULT tells its sender that the result could not be handled.
 *
 * @param messageId        the id of the CALL whose CALLRESULT failed
 * @param errorCode        the error code as written on the wire
 * @param errorDescription a human-readable description (may be empty)
 * @param errorDetails     further details (a JSON object, {@code {}} when there are none)
 */
public record CallResultError(String messageId, String errorCode, String errorDescription, ObjectNode errorDetails)
        implements RpcMessage {

    /** Rejects a missing id or code; a missing description becomes empty, missing details {@code {}}. */
    public CallResultError {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(errorCode, "errorCode");
        errorDescription = errorDescription == null ? "" : errorDescription;
        errorDetails = errorDetails == null ? JsonNodeFactory.instance.objectNode() : errorDetails;
    }

    /**
     * A CALLRESULTERROR with the 2.1 spelling of the code.
     *
     * @throws IllegalArgumentException if the version does not define the code
     */
    public static CallResultError of(OcppVersion version, String messageId, RpcErrorCode code, String description,
            ObjectNode details) {
        return new CallResultError(messageId, code.wireName(version), description, details);
    }

    /** The error code as the version defines it, empty if the wire string is not one of its codes. */
    public Optional<RpcErrorCode> code(OcppVersion version) {
        return RpcErrorCode.fromWireName(version, errorCode);
    }

    @Override
    public MessageType type() {
        return MessageType.CALL_RESULT_ERROR;
    }
}
