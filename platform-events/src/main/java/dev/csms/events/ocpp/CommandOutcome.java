package dev.csms.events.ocpp;

/** How a command ended. */
public enum CommandOutcome {
    /** The station answered with a CALLRESULT; whether it accepted is in the response. */
    Answered,
    /** The station answered with a CALLERROR. */
    CallError,
    /** The deadline passed before the station answered (or before the command could be sent). */
    Timeout,
    /** The station's command queue in the gateway was full. */
    QueueFull,
    /** No gateway holds a connection of the station. */
    StationOffline,
    /** The request (or the station's response) failed schema validation. */
    ValidationFailed,
    /** The station's OCPP version has no equivalent of the command. */
    Unsupported
}
