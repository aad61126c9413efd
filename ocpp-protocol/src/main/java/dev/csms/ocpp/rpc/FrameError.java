package dev.csms.ocpp.rpc;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.csms.ocpp.OcppVersion;
import java.util.Objects;
import java.util.Optional;

/**
 * A framing fault found by {@link RpcCodec#parse}: the version's error code, a description, the message id
 * if it could be read, the offending detail, and whether an error reply may be sent.
 *
 * <p>Reply rules (see docs/ocpp-protocol.md): a faulty CALL, or a frame whose type cannot be read or is not
 * supported, is answered with a CALLERROR, carrying the frame's message id or {@value #UNKNOWN_MESSAGE_ID} when
 * the id cannot be read (OCPP 2.0.1 part 4 section 4.2.3; applied to 1.6 too). A faulty CALLRESULT is answered
 * with a CALLRESULTERROR in 2.1 only, and only when its id is readable. A faulty CALLERROR,
 * CALLRESULTERROR or SEND is never answered, so that two peers cannot bounce errors forever.
 */
public final class FrameError {

    /** The message id of a CALLERROR that answers a frame whose own id could not be read. */
    public static final String UNKNOWN_MESSAGE_ID = "-1";

    /** Which message, if any, answers the faulty frame. */
    public enum ReplyKind {
        /** Answer with a CALLERROR. */
        CALL_ERROR,
        /** Answer with a CALLRESULTERROR (2.1). */
        CALL_RESULT_ERROR,
        /** Do not answer. */
        NONE
    }

    private final OcppVersion version;
    private final RpcErrorCode code;
    private final String description;
    private final String messageId;
    private final MessageType messageType;
    private final String detail;
    private final ReplyKind replyKind;

    FrameError(OcppVersion version, RpcErrorCode code, String description, String messageId, MessageType messageType,
            String detail, ReplyKind replyKind) {
        this.version = Objects.requireNonNull(version);
        this.code = Objects.requireNonNull(code);
        this.description = Objects.requireNonNull(description);
        this.messageId = messageId;
        this.messageType = messageType;
        this.detail = detail == null ? "" : detail;
        this.replyKind = Objects.requireNonNull(replyKind);
        if (!code.isDefinedIn(version)) {
            throw new IllegalArgumentException(code + " is not defined in " + version);
        }
    }

    /** The version the frame was parsed for. */
    public OcppVersion version() {
        return version;
    }

    /** The error code that describes the fault. */
    public RpcErrorCode code() {
        return code;
    }

    /** The code as the version spells it, e.g. {@code FormationViolation} for 1.6. */
    public String wireCode() {
        return code.wireName(version);
    }

    /** What is wrong, for people. */
    public String description() {
        return description;
    }

    /** The frame's message id, if it is a string of 1 to 36 characters. */
    public Optional<String> messageId() {
        return Optional.ofNullable(messageId);
    }

    /** The frame's message type, if it could be read and the version knows it. */
    public Optional<MessageType> messageType() {
        return Optional.ofNullable(messageType);
    }

    /** The offending part of the frame (an excerpt, or the JSON parser's message). */
    public String detail() {
        return detail;
    }

    /** Which message answers the fault. */
    public ReplyKind replyKind() {
        return replyKind;
    }

    /** Whether an error reply may be sent. */
    public boolean canReply() {
        return replyKind != ReplyKind.NONE;
    }

    /** The id the reply carries: the frame's id, or {@value #UNKNOWN_MESSAGE_ID} if it could not be read. */
    public String replyMessageId() {
        return messageId != null ? messageId : UNKNOWN_MESSAGE_ID;
    }

    /** The CALLERROR or CALLRESULTERROR to send back, or empty if the fault must not be answered. */
    public Optional<RpcMessage> reply() {
        return switch (replyKind) {
            case CALL_ERROR -> Optional.of(new CallError(replyMessageId(), wireCode(), description,
                    JsonNodeFactory.instance.objectNode()));
            case CALL_RESULT_ERROR -> Optional.of(new CallResultError(replyMessageId(), wireCode(), description,
                    JsonNodeFactory.instance.objectNode()));
            case NONE -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        return "FrameError[" + wireCode() + ": " + description + ", messageId=" + messageId + ", type=" + messageType
                + ", reply=" + replyKind + ", detail=" + detail + "]";
    }
}
