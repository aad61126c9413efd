package dev.csms.runtime.command;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A recorded command as {@code /api/v1/commands} shows it. */
public record CommandView(String commandId, String stationId, String action, String kind, String reference,
        String status, JsonNode request, JsonNode response, String errorCode, String errorDescription,
        String requestedBy, Instant createdAt, Instant deadline, Instant completedAt) {

    static CommandView of(CommandRecord record) {
        return new CommandView(record.commandId(), record.stationId(), record.action(), record.kind(),
                record.reference(), record.status().name(), record.request(), record.response(), record.errorCode(),
                record.errorDescription(), record.requestedBy(), record.createdAt(), record.deadline(),
                record.completedAt());
    }
}
