package dev.csms.ocpp.rpc;

import java.util.Objects;

/**
 * What {@link RpcCodec#parse} made of a text frame: either a well-formed {@link RpcMessage} or a
 * {@link FrameError} that says which error code applies and whether (and with which id) to answer.
 */
public sealed interface RpcParseResult permits RpcParseResult.Parsed, RpcParseResult.Failed {

    /** True for {@link Parsed}. */
    default boolean isParsed() {
        return this instanceof Parsed;
    }

    /**
     * A well-formed frame. Its payload has not been validated against the action's schema yet: that is
     * {@link dev.csms.ocpp.schema.OcppSchemaValidator}'s job.
     *
     * @param message the message
     */
    record Parsed(RpcMessage message) implements RpcParseResult {
        /** Rejects null. */
        public Parsed {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * A frame that violates the OCPP-J framing rules.
     *
     * @param error the fault, its code and the reply to send (if any)
     */
    record Failed(FrameError error) implements RpcParseResult {
        /** Rejects null. */
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }
}
