package dev.csms.events.ocpp;

import dev.csms.ocpp.canonical.StationCommand;

import java.time.Instant;
import java.util.Objects;

/**
 * A command for a station, published by a service on {@code ocpp.outbound} ({@code csms.ocpp.Command.v1}). Every
 * command ends with exactly one {@link CommandResult} with the same {@code commandId}.
 *
 * @param commandId the command's id (a UUID chosen by the sender); also the key for deduplication
 * @param stationId the station
 * @param deadline  the latest time to have an answer; a command still queued or unanswered then ends as Timeout
 * @param origin    the sending service, e.g. {@code session-service}
 * @param command   the canonical command ({@link StationCommand.RawCommand} for version-specific actions)
 * @param issuedAt  when the service issued it
 */
public record Command(String commandId, String stationId, Instant deadline, String origin, StationCommand command,
        Instant issuedAt) {
    public Command {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }
}
