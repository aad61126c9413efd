package dev.csms.ocpp.schema;

/** Which of an action's two schemas applies: the request (CALL or SEND payload) or the response (CALLRESULT). */
public enum MessageKind {
    /** The payload of a CALL, or of a 2.1 SEND. */
    REQUEST,
    /** The payload of a CALLRESULT. */
    RESPONSE
}
