package dev.csms.ocpp.rpc;

import dev.csms.ocpp.OcppVersion;

/**
 * One OCPP-J frame, version-independent. Whether a message may be sent in a version is checked by
 * {@link RpcCodec#serialize(OcppVersion, RpcMessage)}: SEND and CALLRESULTERROR exist only in 2.1.
 * Payloads are Jackson {@code ObjectNode}s, mutable like every Jackson tree: do not change one after handing
 * the message on.
 */
public sealed interface RpcMessage permits Call, CallResult, CallError, CallResultError, Send {

    /** The message type number this message is framed with. */
    MessageType type();

    /** The message id that correlates a CALL with its CALLRESULT or CALLERROR. */
    String messageId();

    /** Whether the version knows this message type. */
    default boolean isSupportedBy(OcppVersion version) {
        return type().isSupportedBy(version);
    }
}
