package dev.csms.events.ocpp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.CommandResponse;

import java.time.Instant;
import java.util.Objects;

/**
 * How a {@link Command} ended, published on {@code ocpp.inbound} ({@code csms.ocpp.CommandResult.v1}); the
 * CloudEvents extension {@code correlationid} is the Command's event id.
 *
 * @param commandId   the command's id
 * @param stationId   the station
 * @param outcome     how it ended
 * @param action      the OCPP action sent; null when nothing was sent (StationOffline, Unsupported, ...)
 * @param ocppVersion the station's version; null when not known (StationOffline)
 * @param response    the normalized CALLRESULT; set only when the outcome is Answered
 * @param rawPayload  the payload the station sent (CALLRESULT payload, or CALLERROR details); null when none
 * @param error       the station's CALLERROR; set only when the outcome is CallError
 * @param detail      human-readable detail (validation errors, the unsupported feature); null for none
 * @param completedAt when the outcome was decided
 */
public record CommandResult(String commandId, String stationId, CommandOutcome outcome, String action,
        OcppVersion ocppVersion, CommandResponse response, JsonNode rawPayload, CallError error, String detail,
        Instant completedAt) {
    public CommandResult {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(completedAt, "completedAt");
        if ((outcome == CommandOutcome.Answered) != (response != null)) {
            throw new IllegalArgumentException("a response goes with the outcome Answered, and only with it");
        }
        if ((outcome == CommandOutcome.CallError) != (error != null)) {
            throw new IllegalArgumentException("an error goes with the outcome CallError, and only with it");
        }
    }
}
