package dev.csms.events.ocpp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.StationEvent;

import java.time.Instant;
import java.util.Objects;

/**
 * A CALL a station sent, published by the gateway on {@code ocpp.inbound} ({@code csms.ocpp.StationCall.v1}).
 * When {@code answerDeadline} is set the gateway waits for a {@link CallAnswer} correlated with this event's id;
 * otherwise it has answered the station itself after Kafka acknowledged this event.
 *
 * @param stationId       the station
 * @param gatewayId       the gateway replica holding the connection
 * @param connectionEpoch the connection's epoch (a newer connection of the station has a greater one)
 * @param ocppVersion     the station's OCPP version
 * @param messageId       the OCPP message id of the CALL (unique per connection only; never use it to deduplicate)
 * @param action          the OCPP action as sent, e.g. {@code StartTransaction}
 * @param payload         the CALL payload as sent (schema-valid)
 * @param event           the canonical event
 * @param receivedAt      when the gateway received the CALL
 * @param answerDeadline  until when the gateway waits for an answer; null when none is awaited
 */
public record StationCall(String stationId, String gatewayId, long connectionEpoch, OcppVersion ocppVersion,
        String messageId, String action, JsonNode payload, StationEvent event, Instant receivedAt,
        Instant answerDeadline) {
    public StationCall {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(gatewayId, "gatewayId");
        Objects.requireNonNull(ocppVersion, "ocppVersion");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
