package dev.csms.ocpp.rpc;

import dev.csms.ocpp.OcppVersion;
import java.util.Arrays;
import java.util.Optional;

/**
 * The OCPP-J message type numbers (element 0 of every frame).
 * CALL, CALLRESULT and CALLERROR exist in every version; CALLRESULTERROR and SEND only in OCPP 2.1.
 */
public enum MessageType {
    /** {@code [2, messageId, action, payload]}: a request. */
    CALL(2),
    /** {@code [3, messageId, payload]}: the answer to a CALL. */
    CALL_RESULT(3),
    /** {@code [4, messageId, errorCode, errorDescription, errorDetails]}: a CALL could not be handled. */
    CALL_ERROR(4),
    /** {@code [5, messageId, errorCode, errorDescription, errorDetails]} (2.1): a CALLRESULT could not be handled. */
    CALL_RESULT_ERROR(5),
    /** {@code [6, messageId, action, payload]} (2.1): a one-way message that gets no answer at all. */
    SEND(6);

    private final int typeId;

    MessageType(int typeId) {
        this.typeId = typeId;
    }

    /** The number on the wire. */
    public int typeId() {
        return typeId;
    }

    /** Whether this message type exists in the given version (5 and 6 only in 2.1). */
    public boolean isSupportedBy(OcppVersion version) {
        return typeId <= 4 || version == OcppVersion.V2_1;
    }

    /** The message type for a wire number, whatever the version. */
    public static Optional<MessageType> fromTypeId(int typeId) {
        return Arrays.stream(values()).filter(t -> t.typeId == typeId).findFirst();
    }
}
