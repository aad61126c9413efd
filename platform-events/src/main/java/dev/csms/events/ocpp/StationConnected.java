package dev.csms.events.ocpp;

import dev.csms.ocpp.OcppVersion;

import java.time.Instant;
import java.util.Objects;

/**
 * A station opened an authenticated OCPP connection, published by the gateway on {@code ocpp.inbound}
 * ({@code csms.ocpp.StationConnected.v1}).
 *
 * @param stationId       the station
 * @param gatewayId       the gateway replica holding the connection
 * @param connectionEpoch the connection's epoch
 * @param ocppVersion     the negotiated OCPP version
 * @param securityProfile the OCPP security profile of the connection (0 none, 1 basic auth, 2 TLS + basic auth,
 *                        3 TLS with client certificate)
 * @param remoteAddress   the station's address as the gateway saw it; null when unknown
 * @param connectedAt     when the connection was accepted
 */
public record StationConnected(String stationId, String gatewayId, long connectionEpoch, OcppVersion ocppVersion,
        int securityProfile, String remoteAddress, Instant connectedAt) {
    public StationConnected {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(gatewayId, "gatewayId");
        Objects.requireNonNull(ocppVersion, "ocppVersion");
        Objects.requireNonNull(connectedAt, "connectedAt");
    }
}
