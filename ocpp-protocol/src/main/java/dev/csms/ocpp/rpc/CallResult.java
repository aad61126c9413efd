package dev.csms.ocpp.rpc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A CALLRESULT {@code [3, messageId, payload]}: the answer to a CALL. It carries no action; the receiver
 * knows it from the CALL with the same message id.
 *
 * @param messageId the id of the CALL answered
 * @param payload   the response payload (a JSON object)
 */
public record CallResult(String messageId, ObjectNode payload) implements RpcMessage {

    /** Rejects null components: a frame always has all of them. */
    public CallResult {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(payload, "payload");
    }

    @Override
    public MessageType type() {
        return MessageType.CALL_RESULT;
    }
}
