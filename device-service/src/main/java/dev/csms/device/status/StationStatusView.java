package dev.csms.device.status;

import java.time.Instant;
import java.util.List;

/**
 * A station's current status: whether it is connected (presence), when it last sent a message, and the current
 * status of each EVSE/connector it reported (ordered by EVSE, then connector; EVSE 0 is the station as a whole).
 */
public record StationStatusView(String stationId, boolean online, Instant lastSeenAt,
        List<ConnectorStatusView> connectors) {
}
