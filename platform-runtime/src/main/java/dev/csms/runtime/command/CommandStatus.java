package dev.csms.runtime.command;

import dev.csms.events.ocpp.CommandOutcome;

/** Where a recorded command stands: {@link #Pending} until its result, then one of the {@link CommandOutcome}s. */
public enum CommandStatus {
    /** Sent (or about to be sent by the outbox relay); no result yet. */
    Pending,
    /** The station answered with a CALLRESULT; whether it accepted is in the response. */
    Answered,
    /** The station answered with a CALLERROR (error code and description are recorded). */
    CallError,
    /** No answer by the deadline: reported by the gateway, or set by the ledger's sweep when no result came. */
    Timeout,
    /** The station's command queue in the gateway was full. */
    QueueFull,
    /** No gateway held a connection of the station. */
    StationOffline,
    /** The request (or the station's response) failed schema validation. */
    ValidationFailed,
    /** The station's OCPP version has no equivalent of the command. */
    Unsupported;

    /** The status a command result's outcome puts the command in. */
    public static CommandStatus of(CommandOutcome outcome) {
        return valueOf(outcome.name());
    }

    public boolean isCompleted() {
        return this != Pending;
    }
}
