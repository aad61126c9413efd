package dev.csms.device.status;

import java.time.Instant;

/**
 * Whether a station is connected, as the operator API shows it. A station that never connected is offline with
 * everything else null.
 */
public record PresenceView(String stationId, boolean online, Long connectionEpoch, String gatewayId,
        String ocppVersion, String remoteAddress, Instant connectedAt, Instant disconnectedAt,
        String disconnectReason) {

    static PresenceView of(String stationId, StationPresence p) {
        if (p == null) {
            return new PresenceView(stationId, false, null, null, null, null, null, null, null);
        }
        return new PresenceView(p.stationId, p.online, p.connectionEpoch, p.gatewayId, p.ocppVersion,
                p.remoteAddress, p.connectedAt, p.disconnectedAt, p.disconnectReason);
    }
}
