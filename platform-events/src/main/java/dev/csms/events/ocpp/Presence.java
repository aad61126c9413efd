package dev.csms.events.ocpp;

import dev.csms.ocpp.OcppVersion;

import java.time.Instant;
import java.util.Objects;

/**
 * Which gateway holds a station's connection, on the compacted topic {@code ocpp.presence}
 * ({@code csms.ocpp.Presence.v1}), keyed by station id; a tombstone (null value) when the station disconnected.
 * Of two records for a station the one with the greater {@code connectionEpoch} is current: a gateway whose
 * connection was superseded writes no tombstone over a newer presence.
 *
 * @param stationId       the station
 * @param gatewayId       the gateway replica holding the connection
 * @param connectionEpoch the connection's epoch
 * @param ocppVersion     the negotiated OCPP version
 * @param securityProfile the connection's OCPP security profile (0 to 3)
 * @param connectedAt     when the connection was accepted
 */
public record Presence(String stationId, String gatewayId, long connectionEpoch, OcppVersion ocppVersion,
        int securityProfile, Instant connectedAt) {
    public Presence {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(gatewayId, "gatewayId");
        Objects.requireNonNull(ocppVersion, "ocppVersion");
        Objects.requireNonNull(connectedAt, "connectedAt");
    }
}
