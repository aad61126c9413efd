package dev.csms.events.sessions;

import dev.csms.ocpp.canonical.ChargingState;
import dev.csms.ocpp.canonical.IdToken;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A running charging session changed, published by session-service on {@code sessions.events}
 * ({@code csms.sessions.SessionUpdated.v1}), keyed by station id. Throttled: at most one per session per
 * session-service's update interval (energy readings arrive far more often than consumers need them); a change of
 * status (Active / Stale) is always published. Each event carries the session's whole running state, so a consumer
 * keeps the one with the greatest {@code version}.
 *
 * @param sessionId      the session
 * @param stationId      the station
 * @param transactionId  the station's transaction id
 * @param status         Active or Stale
 * @param evseId         the EVSE; null when not known yet
 * @param connectorId    the connector; null when not known yet
 * @param idToken        the session's token; null when none yet
 * @param startedAt      when the station says it started (provisional until its start arrived)
 * @param chargingState  the last energy transfer state the station reported (2.x); null when none
 * @param energyWh       energy delivered so far (Wh), never negative
 * @param meterStartWh   the first energy register reading (Wh); null when none
 * @param meterLastWh    the latest energy register reading (Wh); null when none
 * @param meterAnomalies what was wrong with the register readings so far; empty when nothing
 * @param lastEventAt    the station's timestamp of the latest message of the transaction
 * @param version        the session's version: every event of a session has a greater one than the last
 */
public record SessionUpdated(String sessionId, String stationId, String transactionId, SessionStatus status,
        Integer evseId, Integer connectorId, IdToken idToken, Instant startedAt, ChargingState chargingState,
        BigDecimal energyWh, BigDecimal meterStartWh, BigDecimal meterLastWh, List<MeterAnomaly> meterAnomalies,
        Instant lastEventAt, long version) {
    public SessionUpdated {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(energyWh, "energyWh");
        Objects.requireNonNull(lastEventAt, "lastEventAt");
        meterAnomalies = meterAnomalies == null ? List.of() : List.copyOf(meterAnomalies);
    }
}
