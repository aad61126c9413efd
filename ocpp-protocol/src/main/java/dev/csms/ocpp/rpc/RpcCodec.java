package dev.csms.ocpp.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppJson;
import dev.csms.ocpp.OcppVersion;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads and writes OCPP-J text frames for a given {@link OcppVersion}. Thread-safe and stateless: one instance
 * serves every connection.
 *
 * <p>{@link #parse} never throws for bad input: every framing fault becomes a {@link RpcParseResult.Failed} whose
 * {@link FrameError} carries the version's error code and says whether and how to answer. The mapping
 * (OCPP-J 1.6 section 4, OCPP 2.0.1 / 2.1 part 4 section 4; decisions in docs/ocpp-protocol.md):
 * <table>
 *   <caption>Framing faults and their codes</caption>
 *   <tr><th>fault</th><th>1.6</th><th>2.0.1 / 2.1</th></tr>
 *   <tr><td>not JSON, not an array, type or id or action not readable, too many elements</td>
 *       <td>FormationViolation</td><td>RpcFrameworkError</td></tr>
 *   <tr><td>too few elements</td><td>ProtocolError</td><td>RpcFrameworkError</td></tr>
 *   <tr><td>unknown message type number (5 and 6 are unknown before 2.1)</td>
 *       <td>FormationViolation</td><td>MessageTypeNotSupported</td></tr>
 *   <tr><td>payload or error details not a JSON object</td><td>FormationViolation</td><td>FormatViolation</td></tr>
 * </table>
 * A message id is readable when it is a JSON string of 1 to 36 characters; otherwise the reply uses
 * {@value FrameError#UNKNOWN_MESSAGE_ID}.
 */
public final class RpcCodec {

    /** Longest message id allowed (1.6 and 2.x: "maximum of 36 characters, to allow for GUIDs"). */
    public static final int MAX_MESSAGE_ID_LENGTH = 36;

    /** Longest errorDescription in 2.x (part 4 section 4.2.3: string[255]); longer ones are cut when written. */
    public static final int MAX_ERROR_DESCRIPTION_LENGTH = 255;

    private static final int MAX_DETAIL_LENGTH = 120;

    private final ObjectMapper mapper;

    /** A codec with {@link OcppJson#newObjectMapper()}. */
    public RpcCodec() {
        this(OcppJson.newObjectMapper());
    }

    /** A codec that uses the given mapper (configure it like {@link OcppJson#newObjectMapper()}). */
    public RpcCodec(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /**
     * Parses one text frame received from a peer that speaks {@code version}.
     *
     * @param version the version negotiated for the connection
     * @param text    the WebSocket text frame (null is treated as not JSON)
     * @return the message, or the framing fault
     */
    public RpcParseResult parse(OcppVersion version, String text) {
        return new FrameReader(version).read(text);
    }

    /**
     * Writes a message as a text frame for a peer that speaks {@code version}.
     *
     * @throws IllegalArgumentException if the version does not know the message type (SEND and
     *         CALLRESULTERROR before 2.1), the error code is not one of the version's, the message id is not
     *         1 to 36 characters, or the action is empty
     */
    public String serialize(OcppVersion version, RpcMessage message) {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(message, "message");
        if (!message.isSupportedBy(version)) {
            throw new IllegalArgumentException(message.type() + " does not exist in OCPP " + version.label());
        }
        String id = message.messageId();
        if (id.isEmpty() || id.length() > MAX_MESSAGE_ID_LENGTH) {
            throw new IllegalArgumentException("message id must have 1 to 36 characters: '" + id + "'");
        }
        ArrayNode frame = mapper.createArrayNode();
        frame.add(message.type().typeId());
        frame.add(id);
        if (message instanceof Call call) {
            frame.add(requireAction(call.action())).add(call.payload());
        } else if (message instanceof Send send) {
            frame.add(requireAction(send.action())).add(send.payload());
        } else if (message instanceof CallResult result) {
            frame.add(result.payload());
        } else if (message instanceof CallError error) {
            addError(frame, version, error.errorCode(), error.errorDescription(), error.errorDetails());
        } else if (message instanceof CallResultError error) {
            addError(frame, version, error.errorCode(), error.errorDescription(), error.errorDetails());
        }
        try {
            return mapper.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            // A tree of Jackson nodes always serializes; this would be a bug in Jackson or in a custom node.
            throw new UncheckedIOException(e);
        }
    }

    private static String requireAction(String action) {
        if (action.isEmpty()) {
            throw new IllegalArgumentException("action must not be empty");
        }
        return action;
    }

    private static void addError(ArrayNode frame, OcppVersion version, String code, String description,
            ObjectNode details) {
        if (RpcErrorCode.fromWireName(version, code).isEmpty()) {
            throw new IllegalArgumentException("'" + code + "' is not an error code of OCPP " + version.label());
        }
        String text = version.isTwoX() && description.length() > MAX_ERROR_DESCRIPTION_LENGTH
                ? description.substring(0, MAX_ERROR_DESCRIPTION_LENGTH)
                : description;
        frame.add(code).add(text).add(details);
    }

    /** The state of reading one frame: what is known so far decides the reply. */
    private final class FrameReader {
        private final OcppVersion version;
        private String messageId;
        private MessageType type;

        FrameReader(OcppVersion version) {
            this.version = Objects.requireNonNull(version, "version");
        }

        RpcParseResult read(String text) {
            JsonNode root;
            try {
                root = text == null ? null : mapper.readTree(text);
            } catch (JsonProcessingException e) {
                return fail(envelopeFault(), "frame is not valid JSON", e.getOriginalMessage()
                        + (e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr()));
            }
            if (root == null || !root.isArray()) {
                return fail(envelopeFault(), "frame is not a JSON array", excerpt(root));
            }
            ArrayNode frame = (ArrayNode) root;
            messageId = readableId(frame).orElse(null);
            if (frame.isEmpty()) {
                return fail(envelopeFault(), "frame is an empty array", "[]");
            }
            JsonNode typeNode = frame.get(0);
            if (!typeNode.isIntegralNumber() || !typeNode.canConvertToInt()) {
                return fail(envelopeFault(), "element 0 (message type) is not an integer", excerpt(typeNode));
            }
            Optional<MessageType> known = MessageType.fromTypeId(typeNode.intValue())
                    .filter(t -> t.isSupportedBy(version));
            if (known.isEmpty()) {
                return fail(version.isTwoX() ? RpcErrorCode.MESSAGE_TYPE_NOT_SUPPORTED : RpcErrorCode.FORMAT_VIOLATION,
                        "message type " + typeNode.intValue() + " is not supported in OCPP " + version.label(),
                        excerpt(typeNode));
            }
            type = known.get();
            if (messageId == null) {
                return fail(envelopeFault(), "element 1 (message id) is not a string of 1 to "
                        + MAX_MESSAGE_ID_LENGTH + " characters", frame.size() < 2 ? "missing" : excerpt(frame.get(1)));
            }
            int expected = switch (type) {
                case CALL, SEND -> 4;
                case CALL_RESULT -> 3;
                case CALL_ERROR, CALL_RESULT_ERROR -> 5;
            };
            if (frame.size() != expected) {
                // 1.6 names an incomplete message "ProtocolError: payload for action is incomplete".
                RpcErrorCode code = frame.size() < expected && !version.isTwoX()
                        ? RpcErrorCode.PROTOCOL_ERROR
                        : envelopeFault();
                return fail(code, type + " frame has " + frame.size() + " elements, expected " + expected,
                        excerpt(frame));
            }
            return switch (type) {
                case CALL, SEND -> readCallOrSend(frame);
                case CALL_RESULT -> readCallResult(frame);
                case CALL_ERROR, CALL_RESULT_ERROR -> readError(frame);
            };
        }

        private RpcParseResult readCallOrSend(ArrayNode frame) {
            JsonNode action = frame.get(2);
            if (!action.isTextual() || action.textValue().isEmpty()) {
                return fail(envelopeFault(), "element 2 (action) is not a non-empty string", excerpt(action));
            }
            JsonNode payload = frame.get(3);
            if (!payload.isObject()) {
                return fail(RpcErrorCode.FORMAT_VIOLATION, "element 3 (payload) is not a JSON object",
                        excerpt(payload));
            }
            RpcMessage message = type == MessageType.CALL
                    ? new Call(messageId, action.textValue(), (ObjectNode) payload)
                    : new Send(messageId, action.textValue(), (ObjectNode) payload);
            return new RpcParseResult.Parsed(message);
        }

        private RpcParseResult readCallResult(ArrayNode frame) {
            JsonNode payload = frame.get(2);
            if (!payload.isObject()) {
                return fail(RpcErrorCode.FORMAT_VIOLATION, "element 2 (payload) is not a JSON object",
                        excerpt(payload));
            }
            return new RpcParseResult.Parsed(new CallResult(messageId, (ObjectNode) payload));
        }

        private RpcParseResult readError(ArrayNode frame) {
            JsonNode code = frame.get(2);
            if (!code.isTextual()) {
                return fail(envelopeFault(), "element 2 (error code) is not a string", excerpt(code));
            }
            JsonNode description = frame.get(3);
            if (!description.isTextual()) {
                return fail(envelopeFault(), "element 3 (error description) is not a string", excerpt(description));
            }
            JsonNode details = frame.get(4);
            if (!details.isObject()) {
                return fail(RpcErrorCode.FORMAT_VIOLATION, "element 4 (error details) is not a JSON object",
                        excerpt(details));
            }
            RpcMessage message = type == MessageType.CALL_ERROR
                    ? new CallError(messageId, code.textValue(), description.textValue(), (ObjectNode) details)
                    : new CallResultError(messageId, code.textValue(), description.textValue(), (ObjectNode) details);
            return new RpcParseResult.Parsed(message);
        }

        /** 1.6 has one code for a malformed message; 2.x separates the RPC envelope from the payload. */
        private RpcErrorCode envelopeFault() {
            return version.isTwoX() ? RpcErrorCode.RPC_FRAMEWORK_ERROR : RpcErrorCode.FORMAT_VIOLATION;
        }

        private RpcParseResult fail(RpcErrorCode code, String description, String detail) {
            return new RpcParseResult.Failed(
                    new FrameError(version, code, description, messageId, type, detail, replyKind()));
        }

        private FrameError.ReplyKind replyKind() {
            if (type == null || type == MessageType.CALL) {
                return FrameError.ReplyKind.CALL_ERROR;
            }
            if (type == MessageType.CALL_RESULT && version == OcppVersion.V2_1 && messageId != null) {
                return FrameError.ReplyKind.CALL_RESULT_ERROR;
            }
            return FrameError.ReplyKind.NONE;
        }
    }

    private static Optional<String> readableId(ArrayNode frame) {
        if (frame.size() < 2 || !frame.get(1).isTextual()) {
            return Optional.empty();
        }
        String id = frame.get(1).textValue();
        return id.isEmpty() || id.length() > MAX_MESSAGE_ID_LENGTH ? Optional.empty() : Optional.of(id);
    }

    private static String excerpt(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "empty frame";
        }
        String text = node.toString();
        return text.length() <= MAX_DETAIL_LENGTH ? text : text.substring(0, MAX_DETAIL_LENGTH) + "...";
    }
}
