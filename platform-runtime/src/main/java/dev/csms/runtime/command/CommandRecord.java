package dev.csms.runtime.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.csms.events.cloudevents.EventJson;
import dev.csms.ocpp.canonical.StationCommand;
import java.time.Instant;
import java.util.Objects;

/**
 * One row of the command ledger ({@code csms_command}): a command sent to a station and, once completed, its result.
 * Immutable; timestamps have the database's microsecond precision.
 *
 * @param commandId        the command's id (a UUID), also the {@code commandId} of the Command event and its result
 * @param stationId        the station
 * @param action           the canonical variant ({@code Reset}, {@code ReserveNow}, ...) or a raw command's action
 * @param kind             what the service called the operation ({@link CommandRequest#kind()})
 * @param reference        what it belongs to; null for none
 * @param request          the {@link StationCommand} as JSON (property {@code type} names the variant)
 * @param requestedBy      who asked for it; null when unknown
 * @param status           Pending, or how it ended
 * @param response         the normalized {@code CommandResponse} as JSON ({@code accepted}, {@code status},
 *                         {@code rawResponse}, ...) when Answered; null otherwise
 * @param errorCode        the station's CALLERROR code when CallError; null otherwise
 * @param errorDescription the CALLERROR description, the gateway's detail (ValidationFailed, Unsupported, ...) or
 *                         {@code "no result received"} when the sweep timed the command out; null when none
 * @param createdAt        when it was submitted
 * @param deadline         when the station's answer was due
 * @param completedAt      when it completed; null while Pending
 */
public record CommandRecord(String commandId, String stationId, String action, String kind, String reference,
        JsonNode request, String requestedBy, CommandStatus status, JsonNode response, String errorCode,
        String errorDescription, Instant createdAt, Instant deadline, Instant completedAt) {

    public CommandRecord {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(status, "status");
        request = request == null ? null : request.deepCopy();
        response = response == null ? null : response.deepCopy();
    }

    /** The request as the typed canonical command. */
    public StationCommand command() {
        try {
            return EventJson.mapper().treeToValue(request, StationCommand.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("command " + commandId + " holds an unreadable request", e);
        }
    }

    /** Whether the station answered and took the command on (status Answered, response {@code accepted}). */
    public boolean accepted() {
        return status == CommandStatus.Answered && response != null && response.path("accepted").asBoolean(false);
    }

    /** The request and response are copied on the way out too, so that no caller can change this record. */
    @Override
    public JsonNode request() {
        return request == null ? null : request.deepCopy();
    }

    @Override
    public JsonNode response() {
        return response == null ? null : response.deepCopy();
    }
}
