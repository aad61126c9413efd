package dev.csms.events.ocpp;

import java.time.Instant;
import java.util.Objects;

/**
 * A station's connection ended, published by the gateway on {@code ocpp.inbound}
 * ({@code csms.ocpp.StationDisconnected.v1}). A consumer ignores it when it already saw a StationConnected with a
 * greater epoch (the station reconnected first).
 *
 * @param stationId       the station
 * @param gatewayId       the gateway replica that held the connection
 * @param connectionEpoch the epoch of the connection that ended
 * @param reason          why it ended
 * @param closeCode       the WebSocket close code; null when the connection was not closed cleanly
 * @param detail          human-readable detail; null for none
 * @param disconnectedAt  when it ended
 */
public record StationDisconnected(String stationId, String gatewayId, long connectionEpoch, DisconnectReason reason,
        Integer closeCode, String detail, Instant disconnectedAt) {
    public StationDisconnected {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(gatewayId, "gatewayId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(disconnectedAt, "disconnectedAt");
    }
}
