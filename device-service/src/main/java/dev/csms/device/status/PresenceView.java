package dev.csms.device.status;

import java.time.Instant;

/**
 * Whether a station is connected, as the operator API shows it. A station that never connected is offline with
 * everything else null. {@code lastSeenAt}: when it last sent a message (accurate to
 * {@code csms.device.status.last-seen-interval}); null when it never did.
 */
public record PresenceView(String stationId, boolean online, Long connectionEpoch, String gatewayId,
        String ocppVersion, String remoteAddress, Instant connectedAt, Instant disconnectedAt,
        String disconnectReason, Instant lastSeenAt) {

    static PresenceView of(String stationId, StationPresence p, Instant lastSeenAt) {
        if (p == null) {
            return new PresenceView(stationId, false, null, null, null, null, null, null, null, lastSeenAt);
        }
        return new PresenceView(p.stationId, p.online, p.connectionEpoch, p.gatewayId, p.ocppVersion,
                p.remoteAddress, p.connectedAt, p.disconnectedAt, p.disconnectReason, lastSeenAt);
    }
}
