package dev.csms.ocpp.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class RpcCodecTest {

    private final RpcCodec codec = new RpcCodec();

    // ---------------------------------------------------------------- well-formed frames

    @ParameterizedTest
    @EnumSource(OcppVersion.class)
    void parsesCall(OcppVersion version) {
        RpcMessage message = parsed(version, "[2,\"19223201\",\"BootNotification\",{\"reason\":\"PowerUp\"}]");

        assertThat(message).isInstanceOf(Call.class);
        Call call = (Call) message;
        assertThat(call.messageId()).isEqualTo("19223201");
        assertThat(call.action()).isEqualTo("BootNotification");
        assertThat(call.payload().get("reason").asText()).isEqualTo("PowerUp");
        assertThat(call.type()).isEqualTo(MessageType.CALL);
    }

    @ParameterizedTest
    @EnumSource(OcppVersion.class)
    void parsesCallResultAndCallError(OcppVersion version) {
        assertThat(parsed(version, "[3,\"a\",{\"currentTime\":\"2025-01-02T03:04:05Z\"}]"))
                .isEqualTo(new CallResult("a", object("currentTime", "2025-01-02T03:04:05Z")));
        assertThat(parsed(version, "[4,\"b\",\"GenericError\",\"went wrong\",{\"x\":\"y\"}]"))
                .isEqualTo(new CallError("b", "GenericError", "went wrong", object("x", "y")));
    }

    @Test
    void parsesSendAndCallResultErrorIn21() {
        assertThat(parsed(OcppVersion.V2_1, "[6,\"s1\",\"NotifyPeriodicEventStream\",{\"id\":1}]"))
                .isEqualTo(new Send("s1", "NotifyPeriodicEventStream", JsonNodeFactory.instance.objectNode().put("id", 1)));
        assertThat(parsed(OcppVersion.V2_1, "[5,\"r1\",\"FormatViolation\",\"bad result\",{}]"))
                .isEqualTo(new CallResultError("r1", "FormatViolation", "bad result", JsonNodeFactory.instance.objectNode()));
    }

    @ParameterizedTest
    @EnumSource(OcppVersion.class)
    void keepsAnUnknownErrorCodeOfAReceivedCallErrorAsWritten(OcppVersion version) {
        CallError error = (CallError) parsed(version, "[4,\"b\",\"VendorSpecificError\",\"\",{}]");

        assertThat(error.errorCode()).isEqualTo("VendorSpecificError");
        assertThat(error.code(version)).isEmpty();
    }

    @Test
    void mapsReceivedErrorCodesWithTheVersionsSpelling() {
        CallError v16 = (CallError) parsed(OcppVersion.V1_6, "[4,\"b\",\"OccurenceConstraintViolation\",\"\",{}]");
        CallError v201 = (CallError) parsed(OcppVersion.V2_0_1, "[4,\"b\",\"OccurrenceConstraintViolation\",\"\",{}]");

        assertThat(v16.code(OcppVersion.V1_6)).contains(RpcErrorCode.OCCURRENCE_CONSTRAINT_VIOLATION);
        assertThat(v16.code(OcppVersion.V2_0_1)).isEmpty();
        assertThat(v201.code(OcppVersion.V2_0_1)).contains(RpcErrorCode.OCCURRENCE_CONSTRAINT_VIOLATION);
    }

    // ---------------------------------------------------------------- framing faults

    /**
     * Every fault class, per version: frame, expected 1.6 code, expected 2.x code, expected message id of the
     * reply (null: the fault has no readable id and the reply uses "-1").
     */
    static Stream<Arguments> faults() {
        return Stream.of(
                fault("not JSON", "[2,\"1\",\"Heartbeat\",{}", "FormationViolation", "RpcFrameworkError", null),
                fault("trailing garbage", "[2,\"1\",\"Heartbeat\",{}] x", "FormationViolation", "RpcFrameworkError", null),
                fault("empty text", "", "FormationViolation", "RpcFrameworkError", null),
                fault("JSON object", "{\"messageTypeId\":2}", "FormationViolation", "RpcFrameworkError", null),
                fault("JSON string", "\"hello\"", "FormationViolation", "RpcFrameworkError", null),
                fault("empty array", "[]", "FormationViolation", "RpcFrameworkError", null),
                fault("type id a string", "[\"2\",\"7\",\"Heartbeat\",{}]", "FormationViolation", "RpcFrameworkError", "7"),
                fault("type id a decimal", "[2.5,\"7\",\"Heartbeat\",{}]", "FormationViolation", "RpcFrameworkError", "7"),
                fault("unknown type id", "[9,\"7\",\"Heartbeat\",{}]", "FormationViolation", "MessageTypeNotSupported", "7"),
                fault("unknown type id, no id", "[9]", "FormationViolation", "MessageTypeNotSupported", null),
                fault("id missing", "[2]", "FormationViolation", "RpcFrameworkError", null),
                fault("id a number", "[2,7,\"Heartbeat\",{}]", "FormationViolation", "RpcFrameworkError", null),
                fault("id empty", "[2,\"\",\"Heartbeat\",{}]", "FormationViolation", "RpcFrameworkError", null),
                fault("id longer than 36", "[2,\"" + "i".repeat(37) + "\",\"Heartbeat\",{}]", "FormationViolation",
                        "RpcFrameworkError", null),
                fault("call without payload", "[2,\"7\",\"Heartbeat\"]", "ProtocolError", "RpcFrameworkError", "7"),
                fault("call with extra element", "[2,\"7\",\"Heartbeat\",{},{}]", "FormationViolation",
                        "RpcFrameworkError", "7"),
                fault("action not a string", "[2,\"7\",42,{}]", "FormationViolation", "RpcFrameworkError", "7"),
                fault("action empty", "[2,\"7\",\"\",{}]", "FormationViolation", "RpcFrameworkError", "7"),
                fault("payload an array", "[2,\"7\",\"Heartbeat\",[]]", "FormationViolation", "FormatViolation", "7"),
                fault("payload null", "[2,\"7\",\"Heartbeat\",null]", "FormationViolation", "FormatViolation", "7"));
    }

    private static Arguments fault(String name, String frame, String v16Code, String v2Code, String replyId) {
        return Arguments.of(name, frame, v16Code, v2Code, replyId);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void answersEveryFaultOfAnIncomingCallWithTheVersionsCode(String name, String frame, String v16Code, String v2Code,
            String replyId) {
        for (OcppVersion version : OcppVersion.values()) {
            FrameError error = failed(version, frame);
            String expectedCode = version.isTwoX() ? v2Code : v16Code;

            assertThat(error.wireCode()).as("%s in %s", name, version).isEqualTo(expectedCode);
            assertThat(error.messageId()).as("readable id").isEqualTo(java.util.Optional.ofNullable(replyId));
            assertThat(error.canReply()).isTrue();
            assertThat(error.replyKind()).isEqualTo(FrameError.ReplyKind.CALL_ERROR);
            assertThat(error.replyMessageId()).isEqualTo(replyId == null ? "-1" : replyId);
            assertThat(error.description()).isNotBlank();
            assertThat(error.detail()).isNotBlank();

            CallError reply = (CallError) error.reply().orElseThrow();
            assertThat(reply.messageId()).isEqualTo(replyId == null ? "-1" : replyId);
            assertThat(reply.errorCode()).isEqualTo(expectedCode);
            // The reply itself is a valid frame of the version.
            assertThat(codec.parse(version, codec.serialize(version, reply))).isEqualTo(new RpcParseResult.Parsed(reply));
        }
    }

    @Test
    void sendAndCallResultErrorAreUnknownMessageTypesBefore21() {
        for (OcppVersion version : List.of(OcppVersion.V1_6, OcppVersion.V2_0_1)) {
            FrameError send = failed(version, "[6,\"s1\",\"NotifyPeriodicEventStream\",{}]");
            FrameError resultError = failed(version, "[5,\"r1\",\"GenericError\",\"\",{}]");

            String expected = version.isTwoX() ? "MessageTypeNotSupported" : "FormationViolation";
            assertThat(send.wireCode()).isEqualTo(expected);
            assertThat(resultError.wireCode()).isEqualTo(expected);
            assertThat(send.replyMessageId()).isEqualTo("s1");
            assertThat(send.messageType()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(OcppVersion.class)
    void reportsTheFaultOfABadParameterTextAsNotJson(OcppVersion version) {
        FrameError error = failed(version, null);

        assertThat(error.code()).isEqualTo(version.isTwoX() ? RpcErrorCode.RPC_FRAMEWORK_ERROR : RpcErrorCode.FORMAT_VIOLATION);
        assertThat(error.replyMessageId()).isEqualTo("-1");
    }

    @ParameterizedTest
    @EnumSource(OcppVersion.class)
    void neverAnswersAFaultyCallError(OcppVersion version) {
        FrameError detailsNotObject = failed(version, "[4,\"e1\",\"GenericError\",\"x\",\"details\"]");
        FrameError codeNotString = failed(version, "[4,\"e1\",5,\"x\",{}]");
        FrameError tooShort = failed(version, "[4,\"e1\",\"GenericError\"]");

        for (FrameError error : List.of(detailsNotObject, codeNotString, tooShort)) {
            assertThat(error.canReply()).isFalse();
            assertThat(error.reply()).isEmpty();
            assertThat(error.messageId()).contains("e1");
            assertThat(error.messageType()).contains(MessageType.CALL_ERROR);
        }
        assertThat(detailsNotObject.wireCode()).isEqualTo(version.isTwoX() ? "FormatViolation" : "FormationViolation");
        assertThat(codeNotString.wireCode()).isEqualTo(version.isTwoX() ? "RpcFrameworkError" : "FormationViolation");
        assertThat(tooShort.wireCode()).isEqualTo(version.isTwoX() ? "RpcFrameworkError" : "ProtocolError");
    }

    @Test
    void answersAFaultyCallResultWithCallResultErrorOnlyIn21() {
        String frame = "[3,\"c1\",\"not an object\"]";

        FrameError v21 = failed(OcppVersion.V2_1, frame);
        assertThat(v21.replyKind()).isEqualTo(FrameError.ReplyKind.CALL_RESULT_ERROR);
        assertThat(v21.reply()).contains(new CallResultError("c1", "FormatViolation", v21.description(),
                JsonNodeFactory.instance.objectNode()));

        for (OcppVersion version : List.of(OcppVersion.V1_6, OcppVersion.V2_0_1)) {
            FrameError error = failed(version, frame);
            assertThat(error.canReply()).isFalse();
            assertThat(error.messageId()).contains("c1");
            assertThat(error.messageType()).contains(MessageType.CALL_RESULT);
        }
        // No CALLRESULTERROR without an id to correlate it.
        assertThat(failed(OcppVersion.V2_1, "[3,12,{}]").canReply()).isFalse();
    }

    @Test
    void neverAnswersAFaultySend() {
        FrameError error = failed(OcppVersion.V2_1, "[6,\"s1\",\"NotifyPeriodicEventStream\",[1]]");

        assertThat(error.wireCode()).isEqualTo("FormatViolation");
        assertThat(error.canReply()).isFalse();
        assertThat(error.messageType()).contains(MessageType.SEND);
    }

    @Test
    void detailIsShortEvenForAHugeOffendingElement() {
        FrameError error = failed(OcppVersion.V2_0_1, "[2,\"7\",\"Heartbeat\",[\"" + "z".repeat(10_000) + "\"]]");

        assertThat(error.detail()).hasSizeLessThan(200).startsWith("[\"zzz");
    }

    // ---------------------------------------------------------------- serialization

    @ParameterizedTest
    @EnumSource(OcppVersion.class)
    void serializesCallCallResultAndCallError(OcppVersion version) {
        assertThat(codec.serialize(version, new Call("1", "Heartbeat", JsonNodeFactory.instance.objectNode())))
                .isEqualTo("[2,\"1\",\"Heartbeat\",{}]");
        assertThat(codec.serialize(version, new CallResult("1", object("currentTime", "2025-01-02T03:04:05Z"))))
                .isEqualTo("[3,\"1\",{\"currentTime\":\"2025-01-02T03:04:05Z\"}]");
        CallError error = CallError.of(version, "1", RpcErrorCode.OCCURRENCE_CONSTRAINT_VIOLATION, "missing idTag", null);
        String expectedCode = version.isTwoX() ? "OccurrenceConstraintViolation" : "OccurenceConstraintViolation";
        assertThat(codec.serialize(version, error))
                .isEqualTo("[4,\"1\",\"" + expectedCode + "\",\"missing idTag\",{}]");
    }

    @Test
    void serializesSendAndCallResultErrorIn21() {
        assertThat(codec.serialize(OcppVersion.V2_1, new Send("s", "NotifyPeriodicEventStream", object("id", "x"))))
                .isEqualTo("[6,\"s\",\"NotifyPeriodicEventStream\",{\"id\":\"x\"}]");
        assertThat(codec.serialize(OcppVersion.V2_1,
                CallResultError.of(OcppVersion.V2_1, "r", RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION, "bad", null)))
                .isEqualTo("[5,\"r\",\"PropertyConstraintViolation\",\"bad\",{}]");
    }

    @Test
    void refusesSendAndCallResultErrorBefore21() {
        for (OcppVersion version : List.of(OcppVersion.V1_6, OcppVersion.V2_0_1)) {
            Send send = new Send("s", "NotifyPeriodicEventStream", JsonNodeFactory.instance.objectNode());
            CallResultError error = new CallResultError("r", "GenericError", "", null);

            assertThatThrownBy(() -> codec.serialize(version, send))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SEND");
            assertThatThrownBy(() -> codec.serialize(version, error))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CALL_RESULT_ERROR");
        }
    }

    @Test
    void refusesErrorCodesTheVersionDoesNotDefine() {
        assertThatThrownBy(() -> CallError.of(OcppVersion.V1_6, "1", RpcErrorCode.RPC_FRAMEWORK_ERROR, "", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec.serialize(OcppVersion.V1_6, new CallError("1", "FormatViolation", "", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FormatViolation");
        assertThatThrownBy(() -> codec.serialize(OcppVersion.V2_0_1, new CallError("1", "FormationViolation", "", null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesInvalidIdsAndEmptyActions() {
        ObjectNode empty = JsonNodeFactory.instance.objectNode();
        assertThatThrownBy(() -> codec.serialize(OcppVersion.V2_0_1, new Call("", "Heartbeat", empty)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec.serialize(OcppVersion.V2_0_1, new Call("x".repeat(37), "Heartbeat", empty)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec.serialize(OcppVersion.V2_0_1, new Call("1", "", empty)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cutsLongErrorDescriptionsTo255CharactersIn2x() {
        CallError error = new CallError("1", "GenericError", "d".repeat(300), null);

        CallError v201 = (CallError) parsed(OcppVersion.V2_0_1, codec.serialize(OcppVersion.V2_0_1, error));
        CallError v16 = (CallError) parsed(OcppVersion.V1_6, codec.serialize(OcppVersion.V1_6, error));

        assertThat(v201.errorDescription()).hasSize(255);
        assertThat(v16.errorDescription()).hasSize(300);
    }

    @ParameterizedTest
    @EnumSource(OcppVersion.class)
    void roundTripsEveryMessageTypeOfTheVersion(OcppVersion version) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode().put("amount", new java.math.BigDecimal("12.50"));
        List<RpcMessage> messages = List.of(
                new Call("c", "DataTransfer", payload),
                new CallResult("c", payload),
                CallError.of(version, "c", RpcErrorCode.INTERNAL_ERROR, "boom", payload),
                new Send("s", "NotifyPeriodicEventStream", payload),
                new CallResultError("r", "GenericError", "x", payload));
        for (RpcMessage message : messages) {
            if (message.isSupportedBy(version)) {
                String text = codec.serialize(version, message);
                assertThat(codec.parse(version, text)).isEqualTo(new RpcParseResult.Parsed(message));
                assertThat(text).contains("12.50");
            }
        }
    }

    @Test
    void errorCodeSetsMatchTheSpecifications() {
        assertThat(RpcErrorCode.codesOf(OcppVersion.V1_6)).extracting(c -> c.wireName(OcppVersion.V1_6))
                .containsExactlyInAnyOrder("FormationViolation", "GenericError", "InternalError", "NotImplemented",
                        "NotSupported", "OccurenceConstraintViolation", "PropertyConstraintViolation", "ProtocolError",
                        "SecurityError", "TypeConstraintViolation");
        List<String> twoX = List.of("FormatViolation", "GenericError", "InternalError", "MessageTypeNotSupported",
                "NotImplemented", "NotSupported", "OccurrenceConstraintViolation", "PropertyConstraintViolation",
                "ProtocolError", "RpcFrameworkError", "SecurityError", "TypeConstraintViolation");
        for (OcppVersion version : List.of(OcppVersion.V2_0_1, OcppVersion.V2_1)) {
            assertThat(RpcErrorCode.codesOf(version)).extracting(c -> c.wireName(version))
                    .containsExactlyInAnyOrderElementsOf(twoX);
        }
        assertThat(RpcErrorCode.fromWireName(OcppVersion.V1_6, "FormationViolation")).contains(RpcErrorCode.FORMAT_VIOLATION);
        assertThat(RpcErrorCode.fromWireName(OcppVersion.V2_1, "FormationViolation")).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    private RpcMessage parsed(OcppVersion version, String frame) {
        RpcParseResult result = codec.parse(version, frame);
        assertThat(result).as("parse of %s", frame).isInstanceOf(RpcParseResult.Parsed.class);
        return ((RpcParseResult.Parsed) result).message();
    }

    private FrameError failed(OcppVersion version, String frame) {
        RpcParseResult result = codec.parse(version, frame);
        assertThat(result).as("parse of %s in %s", frame, version).isInstanceOf(RpcParseResult.Failed.class);
        return ((RpcParseResult.Failed) result).error();
    }

    private static ObjectNode object(String key, String value) {
        return JsonNodeFactory.instance.objectNode().put(key, value);
    }
}
