package dev.csms.gateway.ws;

import dev.csms.ocpp.canonical.StationEvent;

/**
 * A station request waiting for a service's answer on {@code ocpp.outbound}.
 *
 * @param eventId       the StationCall's event id, which the CallAnswer names
 * @param messageId     the OCPP message id to answer
 * @param action        the OCPP action
 * @param event         the canonical event (decides the fallback)
 * @param startedNanos  when the StationCall was sent ({@link System#nanoTime()})
 * @param deadlineNanos when the fallback answers instead
 */
public record PendingDecision(String eventId, String messageId, String action, StationEvent event, long startedNanos,
        long deadlineNanos) {
}
