package dev.csms.device.operation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csms.runtime.command.CommandRecord;
import java.time.Instant;

/**
 * A command of the ledger as device-service's station APIs show it (the same fields as {@code /api/v1/commands/{id}},
 * which shows it in full later).
 */
public record CommandSummary(String commandId, String stationId, String action, String kind, String reference,
        String status, JsonNode request, JsonNode response, String errorCode, String errorDescription,
        String requestedBy, Instant createdAt, Instant deadline, Instant completedAt) {

    public static CommandSummary of(CommandRecord record) {
        return new CommandSummary(record.commandId(), record.stationId(), record.action(), record.kind(),
                record.reference(), record.status().name(), record.request(), record.response(), record.errorCode(),
                record.errorDescription(), record.requestedBy(), record.createdAt(), record.deadline(),
                record.completedAt());
    }
}
