package dev.csms.ocpp.rpc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A SEND {@code [6, messageId, action, payload]} (OCPP 2.1 only): a one-way message, e.g.
 * {@code NotifyPeriodicEventStream}. It gets no CALLRESULT and no CALLERROR.
 *
 * @param messageId a unique id (nothing correlates with it)
 * @param action    the OCPP action
 * @param payload   the payload (a JSON object)
 */
public record Send(String messageId, String action, ObjectNode payload) implements RpcMessage {

    /** Rejects null components: a frame always has all of them. */
    public Send {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(payload, "payload");
    }

    @Override
    public MessageType type() {
        return MessageType.SEND;
    }
}
