package dev.csms.runtime.command;

import dev.csms.ocpp.canonical.StationCommand;
import java.time.Duration;
import java.util.Objects;

/**
 * A command to record and send through {@link CommandLedger#submit(CommandRequest)}.
 *
 * @param stationId   the station
 * @param command     the canonical command
 * @param kind        what the service calls this operation, e.g. {@code remote-start}, {@code reservation},
 *                    {@code firmware}; listeners and {@link CommandLedger#byReference} select by it
 * @param reference   what the command belongs to (a reservation id, a campaign id, ...); null for none
 * @param requestedBy who asked for it (the operator's principal name, or the service for automatic commands);
 *                    null when unknown
 * @param timeout     how long the station has to answer (the command's deadline is now + timeout); null for
 *                    {@code csms.commands.default-timeout}
 */
public record CommandRequest(String stationId, StationCommand command, String kind, String reference,
        String requestedBy, Duration timeout) {

    public CommandRequest {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(kind, "kind");
        if (stationId.isBlank() || kind.isBlank()) {
            throw new IllegalArgumentException("stationId and kind must not be blank");
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /** A request without reference and with the default timeout. */
    public static CommandRequest of(String stationId, StationCommand command, String kind, String requestedBy) {
        return new CommandRequest(stationId, command, kind, null, requestedBy, null);
    }

    /** The same request with another timeout. */
    public CommandRequest withTimeout(Duration value) {
        return new CommandRequest(stationId, command, kind, reference, requestedBy, value);
    }

    /** The same request with a reference. */
    public CommandRequest withReference(String value) {
        return new CommandRequest(stationId, command, kind, value, requestedBy, timeout);
    }
}
