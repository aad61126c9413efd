package dev.csms.ocpp.rpc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A CALL {@code [2, messageId, action, payload]}: a request from either side.
 *
 * @param messageId the id the answer must carry
 * @param action    the OCPP action, e.g. {@code BootNotification}
 * @param payload   the request payload (a JSON object)
 */
public record Call(String messageId, String action, ObjectNode payload) implements RpcMessage {

    /** Rejects null components: a frame always has all of them. */
    public Call {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(payload, "payload");
    }

    @Override
    public MessageType type() {
        return MessageType.CALL;
    }
}
