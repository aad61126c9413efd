package dev.csms.gateway.ws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.events.ocpp.Command;

/**
 * A command accepted for a station of this replica: queued, then sent as the one outstanding CALL.
 *
 * @param commandEventId the Command's event id (the result's correlation id)
 * @param command        the command
 * @param action         the OCPP action of the CALL
 * @param payload        the CALL payload, valid for the station's version
 * @param deadlineNanos  the command's deadline on {@link System#nanoTime()}'s scale
 */
public record PendingCommand(String commandEventId, Command command, String action, ObjectNode payload,
        long deadlineNanos) {
}
